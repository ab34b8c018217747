import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { EventLog } from '../../src/db/event-log';
import type { CheckpointEvent } from '../../src/domain/events';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import {
  aBooking,
  admittedVisitEvents,
  ev,
  FIXED_NOW,
  MINUTE,
  pinAt,
  recordEvents,
  visitEvents,
} from '../fixtures/builders';
import { greenVisitSteps } from '../fixtures/tablet';
import { type DeviceSeed, LEAD_PIN, renderApp } from './render-app';

/** The lead screen sits behind the lead PIN: type it, as the lead does. */
async function renderLead(seed: DeviceSeed = {}) {
  const app = await renderApp([], '/lead', seed);
  await waitFor(() => expect(screen.getByRole('button', { name: '0' })).toBeEnabled());
  for (const digit of LEAD_PIN) await app.user.click(screen.getByRole('button', { name: digit }));
  await app.user.click(screen.getByRole('button', { name: '确认' }));
  return app;
}

let db: CheckpointDb | undefined;

// jsdom lays nothing out; give elements a tablet-sized box so the virtual list renders rows.
const sizes = ['clientWidth', 'clientHeight'] as const;
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get: () => 760,
  });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 520,
  });
});
afterAll(() => {
  for (const k of sizes) Reflect.deleteProperty(HTMLElement.prototype, k);
});
afterEach(async () => {
  await db?.delete();
});

/** What the lead did with personal data, as recorded in the log. */
async function leadRecords(target: CheckpointDb) {
  return (await target.events.toArray()).filter((e) => e.type.startsWith('lead.'));
}

async function recordGreenVisit(target: CheckpointDb, id: string) {
  const log = new EventLog(target, { site: 'local', device: 'seed', ticketPrefix: 'A' });
  let at = FIXED_NOW;
  for (const step of greenVisitSteps())
    await log.record(
      id,
      step.map((b) => ({ ...b, at: at++ })),
      DEFAULT_POLICY,
    );
}

describe('the shift lead screen', () => {
  it('shows personal data masked until the lead asks to see it, and records that', async () => {
    const app = await renderLead();
    db = app.db;
    await recordGreenVisit(app.db, 'v1');
    const list = await screen.findByRole('list', { name: '当天来访记录' });
    const row = await within(list).findByRole('button', { name: /A001/ });
    expect(row).toHaveTextContent('张*明');
    expect(row).toHaveTextContent('138****5678');
    expect(row).not.toHaveTextContent('13812345678');
    expect(await leadRecords(app.db)).toEqual([]);
    await app.user.click(screen.getByRole('button', { name: '显示完整信息' }));
    expect(await within(list).findByText('张三明')).toBeInTheDocument();
    expect(within(list).getByText(aBooking().idNumber)).toBeInTheDocument();
    expect(await leadRecords(app.db)).toMatchObject([
      { type: 'lead.revealed', actor: 'lead', data: { day: '2026-11-28' } },
    ]);
    await app.user.click(screen.getByRole('button', { name: '隐藏个人信息' }));
    expect(await within(list).findByText('张*明')).toBeInTheDocument();
  });

  it('records each export before the file is made, and lists it in the day’s record', async () => {
    const app = await renderLead();
    db = app.db;
    await recordGreenVisit(app.db, 'v1');
    await within(await screen.findByRole('list', { name: '当天来访记录' })).findByRole('button', {
      name: /A001/,
    });
    await app.user.click(screen.getByRole('button', { name: 'CSV' }));
    expect(await screen.findByText('已导出 1 条')).toBeInTheDocument();
    expect(await leadRecords(app.db)).toMatchObject([
      {
        type: 'lead.exported',
        data: { what: 'ledger', format: 'csv', day: '2026-11-28', rows: 1 },
      },
    ]);
    const record = await screen.findByRole('region', { name: '个人信息操作记录' });
    expect(await within(record).findByText('导出台账（CSV，1 条）')).toBeInTheDocument();
  });

  it('traces a staff member over a time window, refusing an empty name or a reversed window', async () => {
    const app = await renderLead();
    db = app.db;
    await recordGreenVisit(app.db, 'v1');
    await app.user.click(await screen.findByRole('button', { name: '追踪工作人员' }));
    await app.user.click(screen.getByRole('button', { name: '开始追踪' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请填写工作人员姓名');
    await app.user.type(screen.getByLabelText('工作人员姓名'), '李四');
    const from = screen.getByLabelText('在场开始');
    const to = screen.getByLabelText('在场结束');
    await app.user.clear(from);
    await app.user.type(from, '11:00');
    await app.user.clear(to);
    await app.user.type(to, '10:30');
    await app.user.click(screen.getByRole('button', { name: '开始追踪' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('结束时间应晚于开始时间');
    // 09:30–10:30: the visitor came at 10:00 and has no exit (an assumed stay).
    await app.user.clear(from);
    await app.user.type(from, '09:30');
    await app.user.click(screen.getByRole('button', { name: '开始追踪' }));
    expect(await screen.findByText('同时在场 1 人')).toBeInTheDocument();
    await waitFor(async () =>
      expect(await leadRecords(app.db)).toMatchObject([
        {
          type: 'lead.traced',
          data: { visit: null, person: '李四', contacts: 1, marginMinutes: 10 },
        },
      ]),
    );
  });

  it('says so when the chosen day has nothing to export', async () => {
    const app = await renderLead();
    db = app.db;
    await app.user.click(await screen.findByRole('button', { name: 'CSV' }));
    expect(await screen.findByText('这一天没有符合条件的记录，无需导出')).toHaveAttribute(
      'role',
      'status',
    );
  });

  it('shows a visit’s whole trail and traces its contacts, explaining an assumed exit', async () => {
    const app = await renderLead();
    db = app.db;
    await recordGreenVisit(app.db, 'v1');
    await recordGreenVisit(app.db, 'v2');
    const list = await screen.findByRole('list', { name: '当天来访记录' });
    await app.user.click(await within(list).findByRole('button', { name: /A001/ }));
    const trail = await screen.findByRole('list', { name: '事件记录' });
    expect(within(trail).getAllByRole('listitem')).toHaveLength(9);
    await app.user.click(screen.getByRole('button', { name: '追踪密切接触者' }));
    expect(await screen.findByText('同时在场 1 人')).toBeInTheDocument();
    expect(screen.getByText(/未记录离开时间/)).toBeInTheDocument();
    // Closing the visit brings back the day's record, where the tracing now is.
    await app.user.click(screen.getByRole('button', { name: '关闭' }));
    const record = await screen.findByRole('region', { name: '个人信息操作记录' });
    expect(await within(record).findByText('追踪密接：来访者，1 人')).toBeInTheDocument();
  });

  it('shows the day’s 120 and 110 calls and the waiting area’s peak, live and in the report', async () => {
    const at = (minutes: number) => FIXED_NOW + minutes * MINUTE;
    const events: CheckpointEvent[] = [
      ...admittedVisitEvents('a1', 'A001', at(-30)),
      ...admittedVisitEvents('a2', 'A002', at(-20)),
      ...visitEvents([pinAt(ev.called(1), at(-10))], { visit: 'a1', firstSeq: 10 }),
      ...visitEvents(
        [ev.opened(), ev.temperature(38.4), ev.decided({ kind: 'isolated' }), ev.ambulanceCalled()],
        { visit: 'i1', start: at(-15), firstSeq: 20 },
      ),
      ...recordEvents([
        { type: 'incident.step', at: at(-5), data: { incident: 'x1', step: 'police-called' } },
      ]),
    ];
    const app = await renderLead({ events });
    db = app.db;
    // The cards show zeros until the day is read: wait for the figures themselves.
    await waitFor(() =>
      expect(screen.getByTestId('summary-ambulanceCalls')).toHaveTextContent('1'),
    );
    await waitFor(() => expect(screen.getByTestId('summary-policeCalls')).toHaveTextContent('1'));
    expect(screen.getByTestId('summary-peak')).toHaveTextContent('2/24');
    expect(screen.getByText('等候区峰值 09:40')).toBeInTheDocument();

    await app.user.click(screen.getByRole('link', { name: /日报/ }));
    expect(await screen.findByTestId('report-ambulanceCalls')).toHaveTextContent('1');
    expect(screen.getByTestId('report-policeCalls')).toHaveTextContent('1');
    expect(screen.getByTestId('report-peak')).toHaveTextContent('2/24 人（09:40）');
    expect(screen.getByTestId('report-visits')).toHaveTextContent('3');

    // Printing is an export too: on record, with the day and how many visits it covers.
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await app.user.click(screen.getByRole('button', { name: '打印' }));
    expect(print).toHaveBeenCalledOnce();
    await waitFor(async () =>
      expect(await leadRecords(app.db)).toMatchObject([
        { type: 'lead.exported', data: { what: 'report', format: 'print', rows: 3 } },
      ]),
    );
    print.mockRestore();
  });

  it('heads the list with the paper ledger’s columns and gives each row its values and reason', async () => {
    const at = (minutes: number) => FIXED_NOW + minutes * MINUTE;
    const events: CheckpointEvent[] = [
      ...visitEvents(
        [
          ev.opened(),
          ev.booked(aBooking({ matter: '社保卡补办' })),
          ev.temperature(36.5),
          ev.healthCode('green'),
          ev.travelCode(false),
          ev.decided({ kind: 'admitted', ticket: 'A001' }),
          pinAt(ev.called(1), at(10)),
          pinAt(ev.noShow(3), at(20)),
        ],
        { visit: 'ns', start: at(-30) },
      ),
      ...visitEvents(
        [
          ev.opened(),
          ev.healthCode('yellow'),
          ev.decided({ kind: 'refused', reason: 'code-not-green' }),
        ],
        { visit: 'rf', start: at(-20), firstSeq: 20 },
      ),
    ];
    const app = await renderLead({ events });
    db = app.db;
    const header = await screen.findByTestId('ledger-header');
    // The outcome before the wide columns: on screen without a sideways swipe (issue 31).
    expect([...header.children].map((c) => c.textContent)).toEqual([
      '到达',
      '离开',
      '姓名',
      '结果',
      '排队号',
      '体温',
      '健康码',
      '行程码',
      '身份证号',
      '手机号',
      '事由',
      '登记人',
    ]);
    const list = await screen.findByRole('list', { name: '当天来访记录' });
    const noShow = await within(list).findByRole('button', { name: /A001/ });
    // A void ticket says why, beside its verdict.
    expect(noShow).toHaveTextContent('社保卡补办');
    expect(noShow).toHaveTextContent('绿码');
    expect(noShow).toHaveTextContent('过号未到，号已作废');
    const refused = within(list).getByRole('button', { name: /黄码/ });
    expect(refused).toHaveTextContent('不能入厅');
    expect(refused).toHaveTextContent('非绿码');
    expect(refused).toHaveTextContent(/平板 \S+（入口测温岗）/);
  });

  it('prints the day’s cases with what was done, the signature lines, and the hall’s whole day', async () => {
    const at = (h: number, m = 0) => new Date(2026, 10, 28, h, m).getTime();
    const events: CheckpointEvent[] = [
      ...visitEvents(
        [
          ev.opened(),
          ev.temperature(38.2),
          ev.identity(aBooking({ name: '王小明' })),
          ev.decided({ kind: 'isolated' }),
          ev.isolationEntered(),
          ev.ambulanceCalled(),
          ev.handedOver('县人民医院'),
        ],
        { visit: 'iso', start: at(7, 10) },
      ),
      ...visitEvents(
        [
          ev.opened(),
          ev.temperature(37.4),
          ev.decided({ kind: 'refused', reason: 'home-observation' }),
        ],
        { visit: 'home', start: at(9, 30), firstSeq: 20 },
      ),
    ];
    const app = await renderLead({
      events,
      settings: { hallName: '城东便民服务中心', entrance: '东门' },
    });
    db = app.db;
    await app.user.click(await screen.findByRole('link', { name: /日报/ }));
    // Which hall and which entrance the report is of.
    expect(await screen.findByTestId('report-hall')).toHaveTextContent('城东便民服务中心 · 东门');
    const cases = await screen.findByTestId('report-cases');
    const rows = within(cases).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      [
        '07:10',
        '疑似病例（隔离）',
        '王*明',
        '38.2 °C',
        '07:10 已带至隔离区；07:10 已拨打 120；07:10 救护车到达，已交接 (县人民医院)',
      ],
      ['09:30', '居家医学观察', '未登记', '37.4 °C', '已告知回家居家医学观察'],
    ]);
    const signatures = screen.getByTestId('report-signatures');
    expect(signatures).toHaveTextContent('值班人员（签字）');
    expect(signatures).toHaveTextContent('值班组长（签字）');
    // The chart spans 08:30–17:30 from the policy, and the 07:10 arrival is not dropped.
    const chart = screen.getByRole('img', { name: '每小时到达与结果' });
    const hours = [...chart.querySelectorAll('g > text:first-of-type')].map((t) => t.textContent);
    expect(hours).toEqual(['7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17']);
  });
  it('prints each device’s records of the day with the hash of its last, as verify prints it', async () => {
    const app = await renderLead();
    db = app.db;
    await recordGreenVisit(app.db, 'v1');
    await app.user.click(await screen.findByRole('link', { name: /日报/ }));
    const table = await screen.findByTestId('report-chain');
    const seed = (await app.db.events.toArray())
      .filter((e) => e.device === 'seed')
      .sort((a, b) => a.seq - b.seq);
    const head = seed.at(-1)?.chain?.hash;
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    const rows = within(table).getAllByRole('row').slice(1);
    // Another tablet's by "平板" and the end of its id, the whole id under it (what verify prints).
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toContainEqual([
      `平板 ${'seed'.slice(-6)}seed`,
      String(seed.length),
      `1–${seed.length}`,
      head,
    ]);
    expect(screen.getByRole('heading', { name: '记录链校验值' })).toBeInTheDocument();
  });
});
