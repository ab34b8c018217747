/**
 * The wire schema of a day's bookings as the tablet receives them (the server checked
 * each row with the domain's rules at import; the tablet checks the shape it stores).
 * Fields a newer server adds are dropped, not refused: an older tablet keeps syncing.
 */
import { z } from 'zod';
// Before any schema parses: the CSP forbids eval.
import './zod-jitless';
import type { Booking } from '../domain/booking';
import { TEXT_LIMITS } from '../domain/events';
import type { BookingDay, BookingDayReply } from './api';

const text = (max: number) => z.string().min(1).max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD');

export const bookingSchema = z.object({
  bookingId: text(64),
  name: text(TEXT_LIMITS.person),
  idNumber: text(18),
  phone: text(20),
  day,
  slotStart: z.number().int(),
  slotEnd: z.number().int(),
  matter: text(200).optional(),
});

export const bookingDayReplySchema = z.object({
  day,
  version: z.number().int().nonnegative(),
  bookings: z.array(bookingSchema),
});

export const bookingDaysSchema = z.array(
  z.object({
    day,
    version: z.number().int().nonnegative(),
    count: z.number().int().nonnegative(),
  }),
);

// Fails the build if the schema and the domain type drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const bookingsAgree: Same<z.infer<typeof bookingSchema>, Booking> = true;
const repliesAgree: Same<z.infer<typeof bookingDayReplySchema>, BookingDayReply> = true;
const daysAgree: Same<z.infer<typeof bookingDaysSchema>, BookingDay[]> = true;
void bookingsAgree;
void daysAgree;
void repliesAgree;
