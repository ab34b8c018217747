import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { installSpeechDouble } from '../fixtures/speech-double';
import { renderApp } from './render-app';

let db: CheckpointDb | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

const newTablet = { settings: { setupDone: false, hallName: '' }, pin: null };

/** Web Audio as far as the clip player needs it (decoding, a source to play). */
class FakeAudioContext {
  decodeAudioData() {}
  createBufferSource() {}
}

describe('first-run setup’s voice check (issue 31)', () => {
  it('says the recorded calls work on a tablet with no voice at all, not "没有可用语音"', async () => {
    installSpeechDouble([]);
    vi.stubGlobal('AudioContext', FakeAudioContext);
    vi.stubGlobal('fetch', vi.fn());
    const app = await renderApp([], '/', newTablet);
    db = app.db;
    const checks = screen.getByRole('region', { name: '设备检查' });
    expect(
      await within(checks).findByText('录音播报可用（同叫号机，不需要本机语音）'),
    ).toBeInTheDocument();
    expect(checks).not.toHaveTextContent('没有可用语音');
  });

  it('still says so when neither clips nor a voice can speak', async () => {
    installSpeechDouble([]);
    const app = await renderApp([], '/', newTablet);
    db = app.db;
    const checks = screen.getByRole('region', { name: '设备检查' });
    expect(
      await within(checks).findByText('没有可用语音', {}, { timeout: 4000 }),
    ).toBeInTheDocument();
  });
});
