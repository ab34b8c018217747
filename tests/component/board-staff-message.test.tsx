import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { installSpeechDouble, MANDARIN } from '../fixtures/speech-double';
import { renderApp } from './render-app';

let db: CheckpointDb | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

describe('the public board (issue 31)', () => {
  it('never shows the public a staff message: a board that cannot speak its language says so by an icon', async () => {
    installSpeechDouble([MANDARIN]);
    const app = await renderApp([], '/board', { settings: { language: 'en' } });
    db = app.db;
    const mute = await screen.findByTestId('board-mute');
    expect(mute).toHaveAccessibleName(/No voice for this language/);
    // No line of staff text on the screen the public reads, pushing the calls down.
    expect(screen.getByTestId('board')).not.toHaveTextContent(/No voice|calls are shown only/);
    expect(mute.textContent).toBe('');
    // "1 m" never breaks into "Keep 1" / "m apart" on the board's large type.
    expect(screen.getByTestId('board').textContent).toContain('Keep 1\u00a0m apart');
  });
});
