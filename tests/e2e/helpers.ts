import type { Page } from '@playwright/test';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { aBooking, MINUTE, validIdNumber } from '../fixtures/builders';

/** Three bookings due around the browser's "now". */
export function todaysBookings(now: number) {
  return [
    aBooking({ bookingId: 'B0001', name: '张三明', phone: '13812345678' }, now),
    aBooking(
      {
        bookingId: 'B0002',
        name: '李四',
        phone: '13900001111',
        idNumber: validIdNumber('33010219850512341'),
      },
      now,
    ),
    aBooking(
      { bookingId: 'B0003', name: '王五', phone: '13700002222', slotStart: now + 60 * MINUTE },
      now,
    ),
  ];
}

/** Imports bookings through the settings screen, as a shift lead would. */
export async function importBookings(page: Page, now: number) {
  await page.goto('/settings');
  await page.getByLabel(/导入今日预约/).setInputFiles({
    name: 'bookings.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(bookingsCsv(todaysBookings(now)), 'utf8'),
  });
  await page.getByText('已导入 3 条预约').waitFor();
}

/** Counts every touch the staff make on the door screen. */
export function touchCounter() {
  let touches = 0;
  return {
    tap: async (locator: ReturnType<Page['getByRole']>) => {
      touches++;
      await locator.click();
    },
    get count() {
      return touches;
    },
  };
}
