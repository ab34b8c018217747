import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncChip } from '../../src/app/SyncChip';
import { setupI18n } from '../../src/i18n';
import { useSyncStatus } from '../../src/sync/status-store';
import { FIXED_NOW } from '../fixtures/builders';

const initial = useSyncStatus.getState();
afterEach(() => useSyncStatus.setState(initial, true));

function chipWith(status: Partial<ReturnType<typeof useSyncStatus.getState>>) {
  useSyncStatus.setState({ ...initial, enrolled: true, ...status });
  render(
    <I18nextProvider i18n={setupI18n()}>
      <SyncChip />
    </I18nextProvider>,
  );
  return screen.getByTestId('sync-chip');
}

describe('the sync chip in the top bar', () => {
  it('says only "synced" and when, once nothing waits', () => {
    expect(chipWith({ pending: 0, lastSuccessAt: FIXED_NOW })).toHaveTextContent(/^已同步 10:00$/);
  });

  it('counts what waits, with the last sync, while records wait or the tablet is offline', () => {
    expect(chipWith({ pending: 3, lastSuccessAt: FIXED_NOW })).toHaveTextContent(
      '仅在本机 3 条上次 10:00',
    );
  });

  it('says since when records exist only on this tablet (what a wipe would lose)', () => {
    const chip = chipWith({
      online: false,
      pending: 12,
      pendingSince: FIXED_NOW - 95 * 60_000,
      lastSuccessAt: FIXED_NOW - 2 * 3600_000,
    });
    expect(chip).toHaveTextContent(/^离线 · 仅在本机 12 条最早 08:25$/);
  });

  it('offline with nothing waiting still says offline', () => {
    expect(chipWith({ online: false, pending: 0, lastSuccessAt: FIXED_NOW })).toHaveTextContent(
      /离线/,
    );
  });

  it('says "only on this tablet" before enrolment', () => {
    expect(chipWith({ enrolled: false })).toHaveTextContent('仅保存在本机');
  });
});
