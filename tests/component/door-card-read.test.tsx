import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { useCardReads } from '../../src/features/door/card-reads';
import { aBooking, validIdNumber } from '../fixtures/builders';
import { renderApp, type User } from './render-app';
import { wedgeBurst } from './wedge-burst';

// A keyboard-mode (HID) ID-card reader types like the wedge code scanner: a burst, then Enter.
const zhang = aBooking({ bookingId: 'B0001', name: '张三明', phone: '13812345678' });
const OTHER = validIdNumber('33010219850512341');
const SLOW = { timeout: 5000 };

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
});

function reader(text: string) {
  wedgeBurst(text);
}

async function tap(user: User, name: string | RegExp) {
  await user.click(await screen.findByRole('button', { name }, SLOW));
}

async function toIdentity(user: User, booked = true) {
  if (booked) {
    await tap(user, /张\*明/);
  } else {
    await tap(user, '无预约');
    await tap(user, '是，紧急事项');
  }
  await tap(user, '已戴口罩 · 已手消毒');
  await tap(user, '36.5');
  await screen.findByRole('heading', { name: /核对身份证/ }, SLOW);
}

async function savedIdentity(app: { db: CheckpointDb }) {
  await waitFor(async () => expect((await app.db.visits.toArray())[0]?.identity).toBeTruthy());
  return (await app.db.visits.toArray())[0]?.identity;
}

describe('the identity step fed by a card read', () => {
  it("confirms a booked visitor's matching card with one gloved tap, recorded as from the card", async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toIdentity(app.user);
    reader(zhang.idNumber);
    const match = await screen.findByTestId('card-match', {}, SLOW);
    expect(match).toHaveTextContent(`读卡号码与预约一致（尾号 ${zhang.idNumber.slice(-6)}）`);
    expect(match).not.toHaveTextContent(zhang.idNumber);
    const confirm = screen.getByRole('button', { name: '确认：读卡与预约一致' });
    expect(confirm).toHaveClass('btn-huge');
    await app.user.click(confirm);
    expect(await savedIdentity(app)).toStrictEqual({
      name: '张三明',
      idNumber: zhang.idNumber,
      phone: '13812345678',
      source: 'card',
    });
  });

  it('says plainly when the card is not the booked person’s; staff register the card', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toIdentity(app.user);
    reader(`李四,${OTHER}`);
    const mismatch = await screen.findByTestId('card-mismatch', {}, SLOW);
    expect(mismatch).toHaveTextContent('身份证号与预约不一致');
    expect(mismatch).toHaveTextContent(
      `读卡尾号 ${OTHER.slice(-6)} · 预约尾号 ${zhang.idNumber.slice(-6)}`,
    );
    expect(screen.queryByRole('button', { name: '身份证与预约一致' })).toBeNull();
    await tap(app.user, '按读卡登记');
    expect(screen.getByLabelText('姓名')).toHaveValue('李四');
    expect(screen.getByLabelText('身份证号')).toHaveValue(OTHER);
    await app.user.type(screen.getByLabelText('手机号或固定电话'), '13900001111');
    await tap(app.user, '登记');
    expect(await savedIdentity(app)).toMatchObject({ idNumber: OTHER, source: 'card' });
  });

  it("fills a walk-in's form from the reader: number, name, sex and birth date; the phone typed", async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toIdentity(app.user, false);
    reader(`王五,${OTHER}`);
    expect(await screen.findByTestId('card-facts', {}, SLOW)).toHaveTextContent(
      '读卡：男 · 出生 1985-05-12',
    );
    expect(screen.getByLabelText('姓名')).toHaveValue('王五');
    // Touches: the phone field, the phone's digits, 登记.
    await app.user.type(screen.getByLabelText('手机号或固定电话'), '13900001111');
    await tap(app.user, '登记');
    expect(await savedIdentity(app)).toStrictEqual({
      name: '王五',
      idNumber: OTHER,
      phone: '13900001111',
      source: 'card',
    });
  });

  it('refuses a reader number failing validation, with the reason, and fills nothing', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toIdentity(app.user, false);
    const wrong = `${OTHER.slice(0, 10)}${OTHER[11]}${OTHER[10]}${OTHER.slice(12)}`;
    reader(wrong);
    expect(await screen.findByTestId('card-refused', {}, SLOW)).toHaveTextContent(
      /^读卡号码无效：(校验位不对，请逐位核对|出生日期不存在)。请重新读卡或手动输入$/,
    );
    expect(screen.getByLabelText('身份证号')).toHaveValue('');
    reader('https://jkm.example.gov.cn/v2/code?n=1');
    expect(await screen.findByTestId('card-refused')).toHaveTextContent('读到的不是身份证号');
  });

  it('uses the separator set in Settings, in English', async () => {
    const app = await renderApp([zhang], '/', {
      settings: { cardReaderSeparator: '|', language: 'en' },
    });
    db = app.db;
    await tap(app.user, /张\*明/);
    await tap(app.user, 'Mask on · hands disinfected');
    await tap(app.user, '36.5');
    await screen.findByRole('heading', { name: /Check the ID card/ }, SLOW);
    reader(`Li Si|${OTHER}`);
    expect(await screen.findByTestId('card-mismatch', {}, SLOW)).toHaveTextContent(
      'ID number differs from the booking',
    );
    expect(screen.getByRole('button', { name: 'Register the card' })).toHaveClass('btn-large');
  });

  it('offers a camera number only once several frames agree', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toIdentity(app.user);
    const { post } = useCardReads.getState();
    post({ idNumber: zhang.idNumber, source: 'camera' }, Date.now());
    post({ idNumber: zhang.idNumber, source: 'camera' }, Date.now());
    expect(screen.queryByTestId('card-match')).toBeNull();
    post({ idNumber: zhang.idNumber, source: 'camera' }, Date.now());
    expect(await screen.findByTestId('card-match', {}, SLOW)).toBeInTheDocument();
  });
});
