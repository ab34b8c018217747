/**
 * For the browser (addInitScript): a tablet with no speech voice at all, and a record of
 * every clip the audio graph was asked to play, in order, with when it was scheduled on
 * the audio clock (window.__clips). It wraps the browser's own Web Audio, which still
 * decodes and plays: the clips are real, only their names are noted on the way.
 */
export function recordClips() {
  const played: { clip: string; at: number; duration: number }[] = [];
  const urls = new WeakMap<ArrayBuffer, string>();
  const names = new WeakMap<AudioBuffer, string>();
  const arrayBuffer = Response.prototype.arrayBuffer;
  Response.prototype.arrayBuffer = async function (this: Response) {
    const bytes = await arrayBuffer.call(this);
    urls.set(bytes, this.url);
    return bytes;
  };
  const decode = BaseAudioContext.prototype.decodeAudioData;
  BaseAudioContext.prototype.decodeAudioData = async function (
    this: BaseAudioContext,
    data: ArrayBuffer,
  ) {
    const url = urls.get(data); // before decoding detaches the bytes
    const buffer = await decode.call(this, data);
    if (url) names.set(buffer, url);
    return buffer;
  } as typeof decode;
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, when = 0) {
    const url = this.buffer ? names.get(this.buffer) : undefined;
    const clip = url?.match(/\/clips\/zh-CN\/([^/]+)\.ogg$/)?.[1];
    if (clip && this.buffer) played.push({ clip, at: when, duration: this.buffer.duration });
    return start.call(this, when);
  };
  Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
  Object.defineProperty(window, '__clips', { value: played });
}
