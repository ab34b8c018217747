/**
 * Records the call clips (`npm run clips`; docs/voice.md): each text of CLIP_TEXTS said
 * by espeak-ng's Mandarin voice, its silence trimmed and its level evened by sox, then
 * encoded Opus in Ogg (mono, 24 kb/s) by ffmpeg into public/clips/zh-CN/, which the build
 * copies and the service worker precaches. The clips are committed: building the app
 * needs none of these tools (Debian: apt-get install espeak-ng sox ffmpeg).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIP_IDS, CLIP_TEXTS, clipUrl } from '../src/domain/call-clips';

const VOICE = 'cmn';
/** Words per minute: a 叫号机 speaks slowly and clearly. */
const SPEED = '165';

const run = (command: string, args: string[]) =>
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });

const work = mkdtempSync(join(tmpdir(), 'clips-'));
try {
  let bytes = 0;
  for (const id of CLIP_IDS) {
    const raw = join(work, `${id}.wav`);
    const trimmed = join(work, `${id}-trimmed.wav`);
    const out = join('public', clipUrl(id));
    mkdirSync(join(out, '..'), { recursive: true });
    run('espeak-ng', ['-v', VOICE, '-s', SPEED, '-w', raw, CLIP_TEXTS[id]]);
    // Silence off both ends (the player sets the gaps), then peak-normalised to -1 dBFS.
    run('sox', [
      raw,
      trimmed,
      'silence',
      '1',
      '0.02',
      '0.5%',
      'reverse',
      'silence',
      '1',
      '0.02',
      '0.5%',
      'reverse',
      'gain',
      '-n',
      '-1',
    ]);
    run('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-i',
      trimmed,
      '-ac',
      '1',
      '-c:a',
      'libopus',
      '-b:a',
      '24k',
      '-map_metadata',
      '-1',
      out,
    ]);
    bytes += statSync(out).size;
  }
  console.log(`${CLIP_IDS.length} clips, ${(bytes / 1024).toFixed(1)} KB, in public/clips/zh-CN`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
