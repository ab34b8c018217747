/**
 * The checkpoint policy: every number a rule depends on, as versioned data.
 * Defaults follow shared/domain.md (the hall's plans); halls differ, so the rules
 * never hard-code a threshold: they read it from here, and every verdict records
 * the policy version it was decided by.
 */
import type { Check } from './checks';

export type HealthCodeColour = 'green' | 'yellow' | 'red';

export interface Policy {
  version: string;
  temperature: {
    /** A first reading at or above this is re-measured (plans: 37.3 °C). */
    recheckAtC: number;
    /** A re-check above recheckAtC and at most this, without symptoms: home observation. */
    homeObservationMaxC: number;
    /** Readings outside [min, max] are a measuring error, never a verdict. */
    plausibleMinC: number;
    plausibleMaxC: number;
    /** Suggested rest before the re-check, shown as a timer. */
    recheckRestSeconds: number;
  };
  appointment: {
    /** Arriving earlier than this before the slot starts: asked to come back. */
    earlyToleranceMinutes: number;
    /** Arriving later than this after the slot ends: refused, or admitted, per lateRule. */
    lateToleranceMinutes: number;
    lateRule: 'refuse' | 'admit';
    /** No booking: refuse, admit urgent matters only (staff confirm), or admit all. */
    walkIn: 'refuse' | 'urgent-only' | 'admit';
  };
  codes: {
    acceptedHealthColours: readonly HealthCodeColour[];
    /** Medium- or high-risk-area travel history is not admitted (plans, must 5). */
    refuseRiskAreaTravel: boolean;
  };
  ledger: {
    /** Days personal data is kept on the tablet before it is purged (once synced). */
    retentionDays: number;
    /** Contact tracing: an open stay counts this long after arrival, or until closing. */
    maxStayMinutes: number;
    /** Local closing time, "HH:MM": whoever is still in is then checked out, marked automatic. */
    closing: string;
  };
  /** Waiting as guided, 1 m apart, called to a window (plans, must 6). */
  queue: {
    /** Places in the waiting area at 1 m spacing (or its marked seats); the rest wait outside. */
    waitingPlaces: number;
    /** From this share of the places (percent) the door sees "nearing full". */
    nearingFullPercent: number;
    /** The windows guides call to, by number. */
    windows: readonly number[];
    /** A ticket may be marked no-show once it has been called this many times. */
    noShowAfterCalls: number;
  };
  isolation: {
    /** People the isolation area holds apart at once. */
    places: number;
  };
  /** Staff measure before work, at set times during work and after work (plans, staff). */
  staff: {
    /** Check times "HH:MM", in order: the first is before work, the last after work. */
    checks: readonly string[];
    /** A check not recorded this long after its time is overdue. */
    overdueAfterMinutes: number;
  };
  /** Public surfaces disinfected after the morning and the afternoon session (plans). */
  rounds: {
    /** When each round is due, "HH:MM" (end of the morning session, of the afternoon). */
    times: readonly string[];
    /** The round's tasks, as keys (labels in i18n; an unknown key is shown as written). */
    tasks: readonly string[];
    /** A round not finished this long after its time is overdue. */
    overdueAfterMinutes: number;
  };
  /** Masks, disinfectant, thermometers… and the line under which each is low. */
  supplies: {
    items: readonly { item: string; low: number }[];
  };
  /** What the door shows when on-site service is suspended: the other channels. */
  hall: {
    phone: string;
    online: string;
  };
  /**
   * A person sent home, to the fever clinic or isolated earlier today who comes back
   * (issue 12): 'refuse' turns them away and alerts the lead; 'alert' only alerts the lead.
   */
  returnee: {
    rule: 'refuse' | 'alert';
  };
  /** The hall's day: the report's chart spans it (closing is ledger.closing). */
  hours: {
    /** Local opening time, "HH:MM". */
    opening: string;
  };
  /** Who the staff call for a suspected case (shared/domain.md): shown on the fever card. */
  emergency: {
    /** The ambulance (120). */
    ambulance: string;
    /** The local centre for disease control (疾控中心); empty until the hall sets it. */
    cdc: string;
    /** The community (社区) the hall reports to; empty until the hall sets it. */
    community: string;
    /** The police (110), for a visitor refusing the measures. */
    police: string;
  };
  /** Voice calling (语音叫号): which screen speaks a call. */
  voice: {
    speaker: VoiceSpeaker;
  };
  /** A Bluetooth or keyboard thermometer that sends its own reading (issue 21). */
  thermometer: {
    /**
     * A reading older than this (by its time stamp, or when it arrived) is not used: the
     * visitor in front of the thermometer now may not be the one it measured.
     */
    freshReadingSeconds: number;
  };
  /**
   * The tablet's clock against the server's (issue 23, src/domain/clock.ts). Entry and
   * exit times are what contact tracing compares, to the minute: beyond this the door
   * warns, and the retention purge waits while the tablet runs ahead by more.
   */
  clock: {
    toleranceMinutes: number;
  };
  /**
   * What the door tells a visitor turned away, in the hall's own words where its rule
   * differs by place (issue 31): a yellow code is not a red one, the visitor is told what
   * to do next (e.g. 核酸检测, then book again once green). Empty: the app's own wording.
   */
  advice: {
    yellowCode: string;
  };
  /**
   * Visitors without a smartphone (issue 33; 国务院办公厅 2020: the health code must not be
   * the only way in): which alternatives the hall accepts and what each leads to.
   */
  noSmartphone: Record<NoPhoneMethod, NoPhoneRule>;
  /** Checks the county or hall added without a release (issue 33, src/domain/checks.ts). */
  checks: readonly Check[];
}

/** The alternatives to a health code on a phone (src/domain/codes/no-smartphone.ts). */
export const NO_PHONE_METHODS = ['paper', 'staff-lookup', 'id-registration'] as const;
export type NoPhoneMethod = (typeof NO_PHONE_METHODS)[number];

/**
 * 'off': not offered at this hall. 'admit': as a green code on a phone (the colour, where
 * there is one, must still be accepted). 'admit-guide-told': admitted, and the guide sees
 * the ticket marked. 'refuse': turned away with `wording` (empty: the app's own).
 */
export interface NoPhoneRule {
  leadsTo: 'off' | 'admit' | 'admit-guide-told' | 'refuse';
  wording: string;
}

/** The supply a free mask at the door comes from (plans: free masks come from the stock). */
export const MASK_ITEM = 'masks';

/** The guide's tablet, the board (wall screen) or both: a hall with one loudspeaker picks one. */
export type VoiceSpeaker = 'guide' | 'board' | 'both';

export const DEFAULT_POLICY = {
  version: '2026.1',
  temperature: {
    recheckAtC: 37.3,
    homeObservationMaxC: 37.5,
    plausibleMinC: 34.0,
    plausibleMaxC: 43.0,
    recheckRestSeconds: 120,
  },
  appointment: {
    earlyToleranceMinutes: 30,
    lateToleranceMinutes: 60,
    lateRule: 'refuse',
    walkIn: 'urgent-only',
  },
  codes: {
    acceptedHealthColours: ['green'],
    refuseRiskAreaTravel: true,
  },
  ledger: {
    retentionDays: 28,
    maxStayMinutes: 180,
    closing: '17:30',
  },
  queue: {
    waitingPlaces: 24,
    nearingFullPercent: 75,
    windows: [1, 2, 3, 4, 5, 6],
    noShowAfterCalls: 3,
  },
  isolation: { places: 2 },
  staff: { checks: ['08:30', '12:00', '14:30', '17:30'], overdueAfterMinutes: 30 },
  rounds: {
    times: ['12:00', '17:30'],
    tasks: [
      'floor',
      'counters',
      'toilets',
      'entrance',
      'lift',
      'door-handles',
      'machines',
      'airing',
    ],
    overdueAfterMinutes: 60,
  },
  supplies: {
    items: [
      { item: MASK_ITEM, low: 40 },
      { item: 'disinfectant', low: 5 },
      { item: 'thermometers', low: 2 },
    ],
  },
  hall: { phone: '', online: '' },
  returnee: { rule: 'refuse' },
  hours: { opening: '08:30' },
  emergency: { ambulance: '120', cdc: '', community: '', police: '110' },
  voice: { speaker: 'both' },
  thermometer: { freshReadingSeconds: 30 },
  clock: { toleranceMinutes: 3 },
  advice: { yellowCode: '' },
  noSmartphone: {
    paper: { leadsTo: 'admit', wording: '' },
    'staff-lookup': { leadsTo: 'admit', wording: '' },
    'id-registration': { leadsTo: 'admit-guide-told', wording: '' },
  },
  checks: [],
} as const satisfies Policy;

/** Settings added after the first policies were written: older stored policies lack them. */
type Later =
  | 'queue'
  | 'isolation'
  | 'staff'
  | 'rounds'
  | 'supplies'
  | 'hall'
  | 'returnee'
  | 'hours'
  | 'emergency'
  | 'voice'
  | 'thermometer'
  | 'clock'
  | 'advice'
  | 'noSmartphone'
  | 'checks';
/** A policy as stored before the later settings existed. */
export type StoredPolicy = Omit<Policy, Later> & Partial<Pick<Policy, Later>>;

/** Completes an older stored policy with today's defaults for the settings it lacks. */
export function withDefaults(stored: StoredPolicy): Policy {
  return {
    ...stored,
    queue: stored.queue ?? DEFAULT_POLICY.queue,
    isolation: stored.isolation ?? DEFAULT_POLICY.isolation,
    staff: stored.staff ?? DEFAULT_POLICY.staff,
    rounds: stored.rounds ?? DEFAULT_POLICY.rounds,
    supplies: stored.supplies ?? DEFAULT_POLICY.supplies,
    hall: stored.hall ?? DEFAULT_POLICY.hall,
    returnee: stored.returnee ?? DEFAULT_POLICY.returnee,
    hours: stored.hours ?? DEFAULT_POLICY.hours,
    emergency: stored.emergency ?? DEFAULT_POLICY.emergency,
    voice: stored.voice ?? DEFAULT_POLICY.voice,
    thermometer: stored.thermometer ?? DEFAULT_POLICY.thermometer,
    clock: stored.clock ?? DEFAULT_POLICY.clock,
    advice: stored.advice ?? DEFAULT_POLICY.advice,
    noSmartphone: stored.noSmartphone ?? DEFAULT_POLICY.noSmartphone,
    checks: stored.checks ?? DEFAULT_POLICY.checks,
  };
}
