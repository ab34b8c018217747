import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { writeQrY4m } from '../fixtures/fake-camera';
import { baseURL, chromiumArgs, chromiumPath } from './chromium';

/** A fresh folder for this run's generated videos. */
export function videoDir(): string {
  return mkdtempSync(join(tmpdir(), 'checkpoint-y4m-'));
}

/** A Y4M of these QR payloads, made now (one file per browser launch). */
export function qrVideo(dir: string, name: string, payloads: readonly string[]): string {
  const path = join(dir, `${name}.y4m`);
  writeQrY4m(path, payloads);
  return path;
}

export type CameraMode =
  | { video: string }
  /** A camera the page may use, but none attached. */
  | { video: null }
  /** A camera attached, but permission refused. */
  | { denied: true; video: string };

/** A separate Chromium per video: the fake camera's file is fixed at launch. */
export async function launchWithCamera(mode: CameraMode): Promise<Browser> {
  const args = [...chromiumArgs];
  if (!('denied' in mode)) args.push('--use-fake-ui-for-media-stream');
  if (mode.video) {
    args.push(
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${mode.video}`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args });
}

export async function cameraPage(
  browser: Browser,
  mode: CameraMode,
  options: { hasTouch?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    permissions: 'denied' in mode ? [] : ['camera'],
    hasTouch: options.hasTouch ?? false,
  });
  // Every camera track the page ever gets, so a test can check that all were released.
  await context.addInitScript(() => {
    const tracks: MediaStreamTrack[] = [];
    Reflect.set(window, '__cameraTracks', tracks);
    const media = navigator.mediaDevices;
    if (!media) return;
    const original = media.getUserMedia.bind(media);
    media.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      tracks.push(...stream.getTracks());
      return stream;
    };
  });
  return context.newPage();
}

/** readyState of every camera track the page opened. */
export function cameraTracks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (Reflect.get(window, '__cameraTracks') as MediaStreamTrack[]).map((t) => t.readyState),
  );
}
