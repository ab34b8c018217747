/**
 * Personal data encrypted at rest, for any store: `encryptPersonalData(store, keys)`
 * wraps a Store so that names, ID numbers, phones, staff names and free-text notes
 * (src/domain/retention.ts PERSONAL_FIELDS) are sealed before they reach it and opened
 * when they leave. The SQLite and PostgreSQL stores never see them in clear, and the
 * database file alone reveals none.
 *
 * Sealing is AES-256-GCM with a synthetic IV: IV = HMAC-SHA-256(mac key, context,
 * value), cut to 12 bytes, where the context is the event id and field. The same value
 * in the same field of the same event always seals the same, so the store's idempotent
 * insert (a re-sent event is a duplicate, not a conflict) keeps working on ciphertext;
 * an IV repeats only for that identical message. Equal names in two events seal
 * differently (their contexts differ). The context is also the GCM additional data, so
 * a sealed value moved to another event or field does not open.
 *
 * Keys: several may be loaded (rotation, docs/server-security.md). The first seals;
 * every key opens what it sealed (each value names its key's id).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Booking } from '../../../src/domain/booking';
import { canonicalJson } from '../../../src/domain/canonical-json';
import type { CheckpointEvent } from '../../../src/domain/events';
import { BOOKING_PERSONAL_FIELDS, PERSONAL_FIELDS } from '../../../src/domain/retention';
import type { InsertResult, Store } from '../store/store';

const PREFIX = 'enc1:';

export interface PersonalKey {
  /** First 8 hex characters of the key's SHA-256: names the key in every sealed value. */
  id: string;
  enc: Buffer;
  mac: Buffer;
  /** Authenticates the backups this server writes (backup.ts). */
  backup: Buffer;
}

export function personalKey(master: Buffer): PersonalKey {
  if (master.length !== 32) throw new Error('a personal data key is 32 bytes (base64: 44 chars)');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, '', info, 32));
  return {
    id: createHash('sha256').update(master).digest('hex').slice(0, 8),
    enc: derive('checkpoint personal data: AES-256-GCM'),
    mac: derive('checkpoint personal data: synthetic IV'),
    backup: derive('checkpoint backup: HMAC-SHA-256'),
  };
}

export function newMasterKey(): string {
  return randomBytes(32).toString('base64');
}

export class PersonalCipher {
  private readonly byId: Map<string, PersonalKey>;

  constructor(readonly keys: readonly PersonalKey[]) {
    if (keys.length === 0) throw new Error('no personal data key');
    this.byId = new Map(keys.map((k) => [k.id, k]));
  }

  seal(value: string, context: string, key: PersonalKey = this.keys[0] as PersonalKey): string {
    if (value === '' || value.startsWith(PREFIX)) return value;
    const iv = createHmac('sha256', key.mac)
      .update(context)
      .update('\0')
      .update(value)
      .digest()
      .subarray(0, 12);
    const cipher = createCipheriv('aes-256-gcm', key.enc, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${PREFIX}${key.id}:${Buffer.concat([iv, body]).toString('base64url')}`;
  }

  open(value: string, context: string): string {
    if (!value.startsWith(PREFIX)) return value;
    const [id, data] = value.slice(PREFIX.length).split(':');
    const key = this.byId.get(id ?? '');
    if (!key || !data)
      throw new Error(
        `personal data sealed with key ${id}, which is not loaded: restore it (docs/server-security.md)`,
      );
    const raw = Buffer.from(data, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key.enc, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([
      decipher.update(raw.subarray(12, raw.length - 16)),
      decipher.final(),
    ]).toString('utf8');
  }
}

type Fields = readonly string[];
function fieldsOf(e: CheckpointEvent): Fields | undefined {
  return (PERSONAL_FIELDS as Partial<Record<string, Fields>>)[e.type];
}

function mapFields<T extends object>(
  object: T,
  fields: Fields,
  f: (value: string, field: string) => string,
): T {
  const out = { ...object } as Record<string, unknown>;
  for (const field of fields) {
    const value = out[field];
    if (typeof value === 'string') out[field] = f(value, field);
  }
  return out as T;
}

/**
 * The event's personal fields and the salt of its chain commitment (src/domain/chain.ts),
 * each mapped by `f` with its context: the salt is sealed too, because with it and `pc`
 * a guessed name could be tested against the file.
 */
function mapPersonal(
  e: CheckpointEvent,
  f: (value: string, context: string) => string,
): CheckpointEvent {
  const fields = fieldsOf(e);
  if (!fields) return e;
  const data = mapFields(e.data, fields, (v, field) => f(v, `${e.id}/${field}`));
  const salt = e.chain?.salt;
  const chain = e.chain && salt ? { ...e.chain, salt: f(salt, `${e.id}/chain.salt`) } : e.chain;
  return (chain ? { ...e, data, chain } : { ...e, data }) as CheckpointEvent;
}

export function sealEvent(
  c: PersonalCipher,
  e: CheckpointEvent,
  key?: PersonalKey,
): CheckpointEvent {
  return mapPersonal(e, (v, context) => c.seal(v, context, key));
}

export function openEvent(c: PersonalCipher, e: CheckpointEvent): CheckpointEvent {
  return mapPersonal(e, (v, context) => c.open(v, context));
}

/**
 * A stored event's JSON text, opened. Only a sealed value starts a JSON string with the
 * prefix, so a text without it (most events: no personal fields, or purged) is already
 * what the tablet gets, and is neither parsed nor encoded again.
 */
export function openEventText(c: PersonalCipher, text: string): string {
  if (!text.includes(`"${PREFIX}`)) return text;
  return JSON.stringify(openEvent(c, JSON.parse(text) as CheckpointEvent));
}

const TEN_MINUTES = 10 * 60_000;

/**
 * Each sealed event opened once for all the hall's tablets: every tablet pulls every
 * event of its hall, and opening was most of a pull's CPU (docs/county-scale.md); an
 * event pushed here is remembered as pushed, so its hall-mates' pulls open nothing.
 * Keyed by the stored text itself, so an event a purge rewrote is never served from here.
 * Bounded in bytes; an entry is dropped ten minutes after its last use (a sweep each
 * minute), so opened values do not stay in memory longer than that after a purge.
 */
export function openedTextCache(c: PersonalCipher, maxBytes = 32 * 1_048_576) {
  const cache = new LRUCache<string, string>({
    maxSize: maxBytes,
    sizeCalculation: (opened, sealed) => opened.length + sealed.length,
    ttl: TEN_MINUTES,
    updateAgeOnGet: true,
  });
  setInterval(() => cache.purgeStale(), 60_000).unref();
  return {
    open(text: string): string {
      if (!text.includes(`"${PREFIX}`)) return text;
      let opened = cache.get(text);
      if (opened === undefined) {
        opened = openEventText(c, text);
        cache.set(text, opened);
      }
      return opened;
    },
    /** An event as pushed, and as sealed: the stored text is `canonicalJson(sealed)`. */
    remember(event: CheckpointEvent, sealed: CheckpointEvent): void {
      if (sealed !== event) cache.set(canonicalJson(sealed), JSON.stringify(event));
    },
  };
}

const bookingContext = (site: string, b: Booking, field: string) =>
  `booking/${site}/${b.day}/${b.bookingId}/${field}`;

/** The store with personal fields sealed on the way in and opened on the way out. */
export function encryptPersonalData(store: Store, cipher: PersonalCipher): Store {
  const openBooking = (site: string, b: Booking) =>
    mapFields(b, BOOKING_PERSONAL_FIELDS, (v, f) => cipher.open(v, bookingContext(site, b, f)));
  const sealBooking = (site: string, b: Booking) =>
    mapFields(b, BOOKING_PERSONAL_FIELDS, (v, f) => cipher.seal(v, bookingContext(site, b, f)));
  const opened = openedTextCache(cipher);
  return {
    createSite: (site, now) => store.createSite(site, now),
    site: (id) => store.site(id),
    addEnrolmentCode: (site, hash, expiresAt, now) =>
      store.addEnrolmentCode(site, hash, expiresAt, now),
    enrol: (hash, device, now, current) => store.enrol(hash, device, now, current),
    deviceByToken: (hash) => store.deviceByToken(hash),
    revokeDevice: (id, now) => store.revokeDevice(id, now),
    noteDeviceSeen: (device, seen) => store.noteDeviceSeen(device, seen),
    deviceActivity: () => store.deviceActivity(),
    eventsHeldBySite: () => store.eventsHeldBySite(),
    async insertEvents(site, device, events, receivedAt, isFlagged) {
      const sealed = events.map((e) => sealEvent(cipher, e));
      let result = await store.insertEvents(site, device, sealed, receivedAt, isFlagged);
      const refused = new Set(result.refused.map((r) => r.id));
      events.forEach((e, i) => {
        const s = sealed[i];
        if (s && !refused.has(e.id)) opened.remember(e, s);
      });
      // After a key rotation, an event stored under an older key and sent again (a lost
      // reply) seals differently now: try it under the older keys before calling it a conflict.
      for (const key of cipher.keys.slice(1)) {
        const reused = new Set(
          result.refused.filter((r) => r.reason === 'id-reused').map((r) => r.id),
        );
        if (reused.size === 0) break;
        const again = await store.insertEvents(
          site,
          device,
          events.filter((e) => reused.has(e.id)).map((e) => sealEvent(cipher, e, key)),
          receivedAt,
          isFlagged,
        );
        result = mergeRetry(result, again);
      }
      return result;
    },
    chainLinks: (device, from, to) => store.chainLinks(device, from, to),
    identity: () => store.identity(),
    epochParts: () => store.epochParts(),
    newEpoch: () => store.newEpoch(),
    heldSeq: (device) => store.heldSeq(device),
    async eventsAfter(site, after, limit) {
      const page = await store.eventsAfter(site, after, limit);
      return { ...page, events: page.events.map((e) => openEvent(cipher, e)) };
    },
    async pullPage(site, device, after, limit) {
      const page = await store.pullPage(site, device, after, limit);
      return { ...page, texts: page.texts.map(opened.open) };
    },
    policy: (site) => store.policy(site),
    setPolicy: (site, policy, now) => store.setPolicy(site, policy, now),
    countyPolicy: () => store.countyPolicy(),
    setCountyPolicy: (policy, now) => store.setCountyPolicy(policy, now),
    putBookings: (site, bookings) =>
      store.putBookings(
        site,
        bookings.map((b) => sealBooking(site, b)),
      ),
    bookingDays: (site, fromDay, toDay) => store.bookingDays(site, fromDay, toDay),
    async bookingsOfDay(site, day) {
      const page = await store.bookingsOfDay(site, day);
      return { ...page, bookings: await mapInSlices(page.bookings, (b) => openBooking(site, b)) };
    },
    siteIds: () => store.siteIds(),
    purgePersonalData: (site, before, now) => store.purgePersonalData(site, before, now),
    attempts: (key) => store.attempts(key),
    setAttempts: (key, attempts) => store.setAttempts(key, attempts),
    reclaimPurged: () => store.reclaimPurged(),
    claimPeriodicJob: (job, now, everyMs) => store.claimPeriodicJob(job, now, everyMs),
    close: () => store.close(),
  };
}

/**
 * Maps a long list a slice at a time, letting other requests run in between: a day of
 * 2,000 bookings takes ~55 ms to open, and /healthz or a push must not wait behind it.
 */
async function mapInSlices<T, U>(
  items: readonly T[],
  f: (item: T) => U,
  slice = 200,
): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i += slice) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const item of items.slice(i, i + slice)) out.push(f(item));
  }
  return out;
}

/** The first result, with the events the retry found held counted as duplicates. */
function mergeRetry(first: InsertResult, retry: InsertResult): InsertResult {
  const settled = new Set(
    first.refused.map((r) => r.id).filter((id) => !retry.refused.some((r) => r.id === id)),
  );
  return {
    ...first,
    heldSeq: Math.max(first.heldSeq, retry.heldSeq),
    duplicates: first.duplicates + retry.duplicates,
    refused: first.refused.filter((r) => !settled.has(r.id)),
  };
}
