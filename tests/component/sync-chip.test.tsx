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

  it('counts the visitors whose records wait, with the last sync (staff think in visitors)', () => {
    expect(
      chipWith({ pending: 31, pendingVisitors: 3, lastSuccessAt: FIXED_NOW }),
    ).toHaveTextContent(/^仅在本机 3 人上次 10:00$/);
  });

  it('counts records only when no visitor’s are waiting (a task ticked, an incident)', () => {
    expect(
      chipWith({ pending: 2, pendingVisitors: 0, lastSuccessAt: FIXED_NOW }),
    ).toHaveTextContent('仅在本机 2 条记录');
  });

  it('says since when records exist only on this tablet (what a wipe would lose)', () => {
    const chip = chipWith({
      online: false,
      pending: 12,
      pendingVisitors: 2,
      pendingSince: FIXED_NOW - 95 * 60_000,
      lastSuccessAt: FIXED_NOW - 2 * 3600_000,
    });
    // "离线" is the health chip's beside it: said once in the top bar, not twice.
    expect(chip).toHaveTextContent(/^仅在本机 2 人最早 08:25$/);
    expect(chip).toHaveClass('sync-offline');
  });

  it('offline with nothing waiting says nothing is waiting, with the offline look', () => {
    const chip = chipWith({ online: false, pending: 0, lastSuccessAt: FIXED_NOW });
    expect(chip).toHaveTextContent(/^无待同步上次 10:00$/);
    expect(chip).toHaveClass('sync-offline');
  });

  it('says "only on this tablet" before enrolment', () => {
    expect(chipWith({ enrolled: false })).toHaveTextContent('仅保存在本机');
  });
});
