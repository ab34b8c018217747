import { useEffect, useRef, useState } from 'react';
import type { Policy } from '../../../domain/policy';
import { judgeSentReading, type ReadingVerdict } from '../../../domain/thermometer/fresh-reading';
import { parseWedgeTemperature } from '../../../domain/thermometer/wedge-temperature';
import { useThermometerStore } from '../../../services/thermometer/thermometer-store';
import { useWedgeScanner } from '../scanner/use-wedge-scanner';
import { DEFAULT_WEDGE } from '../scanner/wedge-detector';

export interface Offer {
  celsius: number;
  source: 'ble' | 'wedge';
  device?: { id: string; name: string };
}

export type NotUsed = Extract<ReadingVerdict, { use: false }> & { celsius: number | null };

/** "36.5" is four keys with the Enter; the scanner's own wedge asks for more. */
const TEMPERATURE_WEDGE = { ...DEFAULT_WEDGE, minLength: 2 };

/**
 * The reading a thermometer offers the step that mounted it: only readings sent after
 * the step opened, fresh, plausible and not a repeat (domain/thermometer/fresh-reading).
 * A new reading replaces the offer; staff confirm it with one tap or dismiss it.
 */
export function useThermometerOffer(policy: Policy, now: () => number) {
  const openedAt = useRef(now());
  const [offer, setOffer] = useState<Offer | null>(null);
  const [notUsed, setNotUsed] = useState<NotUsed | null>(null);
  const reading = useThermometerStore((s) => s.reading);
  const device = useThermometerStore((s) => s.device);
  const seen = useRef(reading?.seq ?? 0);

  useEffect(() => {
    if (!reading || reading.seq <= seen.current) return;
    seen.current = reading.seq;
    const { previous } = useThermometerStore.getState();
    const verdict = judgeSentReading(reading, previous, openedAt.current, now(), policy);
    if (verdict.use) {
      setNotUsed(null);
      setOffer({ celsius: verdict.celsius, source: 'ble', ...(device ? { device } : {}) });
    } else if (verdict.why !== 'repeat') {
      setNotUsed({ ...verdict, celsius: reading.celsius });
    }
  }, [reading, device, now, policy]);

  useWedgeScanner((text) => {
    const celsius = parseWedgeTemperature(text);
    if (celsius === null) return;
    const at = now();
    const verdict = judgeSentReading(
      { celsius, receivedAt: at, key: `wedge:${at}` },
      null,
      openedAt.current,
      at,
      policy,
    );
    if (verdict.use) {
      setNotUsed(null);
      setOffer({ celsius: verdict.celsius, source: 'wedge' });
    } else {
      setNotUsed({ ...verdict, celsius });
    }
  }, TEMPERATURE_WEDGE);

  return { offer, notUsed, dismiss: () => setOffer(null) };
}
