/** A devices row as the stores read it for DeviceActivity (store.ts), shared by both. */
import type { DeviceActivity } from './store';

export type ActivityRow = {
  id: string;
  site: string;
  revoked_at: number | string | null;
  enrolled_at: number | string;
  last_seen_at: number | string | null;
  last_push_at: number | string | null;
  clock_offset: number | string | null;
  waiting: number | string | null;
  app_version: string | null;
  policy_version: string | null;
};

const orNull = (v: number | string | null) => (v === null ? null : Number(v));

/** A devices row as DeviceActivity (PostgreSQL hands BIGINTs over as strings). */
export function activityOf(row: ActivityRow): DeviceActivity {
  return {
    id: row.id,
    site: row.site,
    revoked: row.revoked_at !== null,
    enrolledAt: Number(row.enrolled_at),
    lastSeenAt: orNull(row.last_seen_at),
    lastPushAt: orNull(row.last_push_at),
    clockOffset: orNull(row.clock_offset),
    waiting: orNull(row.waiting),
    appVersion: row.app_version,
    ...(row.policy_version === null ? {} : { policyVersion: row.policy_version }),
  };
}
