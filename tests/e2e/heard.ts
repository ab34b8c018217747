import type { Page } from '@playwright/test';
import { CLIP_TEXTS, type ClipId } from '../../src/domain/call-clips';

type Played = { clip: ClipId; at: number; duration: number };

/** The clips a page played (tests/e2e/fake-audio.ts), in order. */
export function playedClips(page: Page): Promise<Played[]> {
  return page.evaluate(() => (window as unknown as { __clips: Played[] }).__clips);
}

/** What a page said by clips, as the words of each clip run together. */
export async function heard(page: Page): Promise<string> {
  return (await playedClips(page)).map((p) => CLIP_TEXTS[p.clip]).join('');
}

/** The silences between consecutive clips of the first `count`, in ms on the audio clock. */
export async function gapsMs(page: Page, count: number): Promise<number[]> {
  const clips = (await playedClips(page)).slice(0, count);
  return clips.slice(1).map((c, i) => {
    const before = clips[i];
    return before ? Math.round((c.at - (before.at + before.duration)) * 1000) : Number.NaN;
  });
}
