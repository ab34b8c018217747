import { type ClipId, clipUrl } from '../../domain/call-clips';

/**
 * Plays recorded clips back to back on the Web Audio clock (issue 21): each clip is
 * scheduled to start where the one before ends, plus a short gap, so a call is one
 * phrase, not syllables with pauses a timer would make (setTimeout on a busy tablet
 * drifts by tens of ms; the audio clock does not). Clips are fetched once (the service
 * worker serves them from the precache, offline too) and kept decoded.
 */

/** The gap between two clips of one call, in seconds (the aim: never over 80 ms). */
export const CLIP_GAP_S = 0.04;
/** The pause between the two sayings of a call. */
const REPEAT_PAUSE_S = 0.6;

export interface ClipBuffer {
  duration: number;
}
export interface ClipContext {
  currentTime: number;
  destination: unknown;
  decodeAudioData(data: ArrayBuffer): Promise<ClipBuffer>;
  createBufferSource(): {
    buffer: ClipBuffer | null;
    connect(node: unknown): unknown;
    start(when: number): void;
  };
}
type Fetch = (url: string) => Promise<{ ok: boolean; arrayBuffer(): Promise<ArrayBuffer> }>;

/** When each clip starts, from `at`, and when the last one ends (pure: tested). */
export function clipSchedule(durations: readonly number[], at: number, gap = CLIP_GAP_S) {
  const starts: number[] = [];
  let t = at;
  for (const d of durations) {
    starts.push(t);
    t += d + gap;
  }
  return { starts, end: durations.length > 0 ? t - gap : at };
}

export function clipPlayer(ctx: ClipContext, fetch: Fetch) {
  const decoded = new Map<ClipId, Promise<ClipBuffer>>();
  const load = (id: ClipId) => {
    let buffer = decoded.get(id);
    if (!buffer) {
      buffer = fetch(clipUrl(id)).then(async (reply) => {
        if (!reply.ok) throw new Error(`clip ${id} missing`);
        return ctx.decodeAudioData(await reply.arrayBuffer());
      });
      // A failed load is tried again next time (the cache may be filled by then).
      buffer.catch(() => decoded.delete(id));
      decoded.set(id, buffer);
    }
    return buffer;
  };
  return {
    /** Plays the clips in order; resolves once the last has been heard (and a pause). */
    async play(ids: readonly ClipId[]): Promise<void> {
      const buffers = await Promise.all(ids.map(load));
      const { starts, end } = clipSchedule(
        buffers.map((b) => b.duration),
        ctx.currentTime + 0.05,
      );
      buffers.forEach((buffer, i) => {
        const source = ctx.createBufferSource();
        source.buffer = buffer;
        source.connect(ctx.destination);
        source.start(starts[i] ?? 0);
      });
      const wait = (end - ctx.currentTime + REPEAT_PAUSE_S) * 1000;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
    },
  };
}
