import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { doorBookings } from '../fixtures/builders';
import { PCR_48H, policyWithChecks, VACCINATION, VENUE_CODE } from '../fixtures/checks';
import { renderApp, tap, toCodesStep, type User } from './render-app';

const { zhang } = doorBookings();
const policy = policyWithChecks([PCR_48H, VENUE_CODE]);

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
});

/** At the PCR check (after the codes): the day, then the time on the keypad. */
async function enterSampleTime(user: User, day: string, hhmm: string) {
  await screen.findByRole('heading', { name: /核酸 48 小时/ });
  await user.click(screen.getByRole('radio', { name: day }));
  expect(screen.getByRole('radio', { name: day })).toBeChecked();
  const keypad = screen.getByRole('group');
  for (const digit of hhmm) await tap(user, digit, keypad);
}

describe('the checks a county added, at the door (issue 33)', () => {
  it('47:59 since sampling, venue code scanned: admitted, each answer recorded', async () => {
    const app = await renderApp([zhang], '/', { policy });
    db = app.db;
    await toCodesStep(app.user);
    await tap(app.user, '绿码 · 行程无中高风险');
    // FIXED_NOW is 10:00: two days ago at 10:01 is 47:59 ago.
    await enterSampleTime(app.user, '前天', '1001');
    expect(screen.getByText('距今 47:59 小时')).toBeInTheDocument();
    await tap(app.user, '确认采样时间');
    await screen.findByRole('heading', { name: /已扫场所码/ });
    await tap(app.user, '是');
    expect(await screen.findByTestId('outcome')).toHaveTextContent('A001');
    const answers = (await app.db.events.toArray()).filter((e) => e.type === 'check.answered');
    expect(answers.map((e) => e.data)).toMatchObject([
      { key: 'pcr-48h', answer: { kind: 'time-since' } },
      { key: 'venue-code', answer: { kind: 'yes-no', yes: true } },
    ]);
  });

  it('sampled 50 hours ago: refused in the policy’s own words', async () => {
    const app = await renderApp([zhang], '/', { policy });
    db = app.db;
    await toCodesStep(app.user);
    await tap(app.user, '绿码 · 行程无中高风险');
    await enterSampleTime(app.user, '前天', '0800');
    await tap(app.user, '确认采样时间');
    expect(await screen.findByTestId('outcome')).toHaveTextContent(
      '核酸采样已超过 48 小时：请先做核酸检测，再预约',
    );
  });

  it('a sampling time after now is not recorded: staff are asked to check it', async () => {
    const app = await renderApp([zhang], '/', { policy });
    db = app.db;
    await toCodesStep(app.user);
    await tap(app.user, '绿码 · 行程无中高风险');
    await enterSampleTime(app.user, '今天', '1130');
    await tap(app.user, '确认采样时间');
    expect(await screen.findByRole('alert')).toHaveTextContent('采样时间晚于现在');
    expect(await app.db.events.where('type').equals('check.answered').count()).toBe(0);
  });

  it('in English: the check’s own English label and a choice’s options', async () => {
    const app = await renderApp([zhang], '/', {
      policy: policyWithChecks([VACCINATION]),
      settings: { language: 'en' },
    });
    db = app.db;
    await tap(app.user, /Zhang|张/);
    await tap(app.user, 'Mask on · hands disinfected');
    await tap(app.user, '36.5');
    await tap(app.user, /matches the booking/i);
    const step = (await screen.findByRole('heading', { name: /Vaccination/ })).closest('section');
    if (!step) throw new Error('the step');
    expect(within(step).getByText('As the health code shows it')).toBeInTheDocument();
    for (const option of ['Complete', 'Partial', 'None']) {
      expect(within(step).getByRole('button', { name: option })).toBeInTheDocument();
    }
    await tap(app.user, 'None');
    expect(await screen.findByTestId('outcome')).toHaveTextContent(
      'Not vaccinated: not admitted for now',
    );
  });
});
