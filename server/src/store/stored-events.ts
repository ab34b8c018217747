/**
 * What both stores agree on about a stored event: which types retention reads, and when
 * a re-sent event counts as the one already held. One home, so SQLite and PostgreSQL
 * cannot drift (the conformance suite checks the behaviour on both).
 */

import { canonicalJson } from '../../../src/domain/canonical-json';
import type { CheckpointEvent } from '../../../src/domain/events';
import { PERSONAL_EVENT_TYPES, withoutPersonalData } from '../../../src/domain/retention';
import type { EventTextPage } from './store';

/** Event types that can carry personal data (src/domain/retention.ts removes it). */
export const PERSONAL_TYPES: readonly string[] = PERSONAL_EVENT_TYPES;

/**
 * Whether an incoming event is the one stored: the same, or the same once purged as the
 * stored copy was (a tablet re-sending an event whose reply it lost, after retention).
 */
export function sameEvent(stored: string, incoming: CheckpointEvent, body: string): boolean {
  if (stored === body) return true;
  const purgedAt = (JSON.parse(stored) as CheckpointEvent).purgedAt;
  return (
    purgedAt !== undefined && canonicalJson(withoutPersonalData(incoming, purgedAt)) === stored
  );
}

/**
 * What retention leaves of a stored event, or null when that is what is stored. An event
 * that arrived marked purged is purged again (keeping its mark): a mark is no exemption.
 */
export function purgedBody(stored: string, now: number): string | null {
  const e = JSON.parse(stored) as CheckpointEvent;
  const purged = withoutPersonalData(e, e.purgedAt ?? now);
  if (purged === e) return null;
  const body = canonicalJson(purged);
  return body === stored ? null : body;
}

/** A page of stored bodies, `limit + 1` asked for to tell whether there is more. */
export function textPage(
  rows: readonly { cursor: number; body: string }[],
  after: number,
  limit: number,
): EventTextPage {
  const page = rows.slice(0, limit);
  return {
    texts: page.map((r) => r.body),
    cursor: page.at(-1)?.cursor ?? after,
    more: rows.length > limit,
  };
}

export function parsedPage({ texts, cursor, more }: EventTextPage) {
  return { events: texts.map((t) => JSON.parse(t) as CheckpointEvent), cursor, more };
}
