import type { TFunction } from 'i18next';
import type { IncidentStep } from '../../domain/events';
import type { ReportFacts, ReportPlace } from '../../domain/incident-report';
import { formatReadings } from '../../domain/temperature';
import { clockTime, dayKey } from '../../domain/time';

function placeText(t: TFunction, place: ReportPlace): string | null {
  if (!place) return null;
  return place.kind === 'window'
    ? t('guide.incidents.report.places.window', { window: place.window })
    : t(`guide.incidents.report.places.${place.kind}`);
}

/** The short report for the leading group, line by line, in the screen's language. */
export function reportLines(
  t: TFunction,
  facts: ReportFacts,
  from: { hall: string; device: string },
): string[] {
  const r = 'guide.incidents.report';
  const stamp = (at: number) => `${dayKey(at)} ${clockTime(at)}`;
  const step = (s: IncidentStep) => t(`guide.incidents.steps.${s}`);
  const who =
    (facts.who ?? t(`${r}.unknown`)) +
    (facts.ticket ? t(`${r}.ticket`, { ticket: facts.ticket }) : '');
  const place = [placeText(t, facts.place), facts.unit].filter(Boolean).join(' / ');
  const readings = formatReadings(facts.temperatures, true);
  const isolation = facts.isolation.map(
    (d) =>
      `${clockTime(d.at)} ${t(`guide.isolation.steps.${d.step}`)}${d.hospital ? ` (${d.hospital})` : ''}`,
  );
  const done = [...facts.done.map((d) => `${clockTime(d.at)} ${step(d.step)}`), ...isolation].join(
    t(`${r}.stepSeparator`),
  );

  return [
    t(`${r}.heading`, { kind: t(`guide.incidents.kinds.${facts.kind}`) }),
    t(`${r}.time`, { time: stamp(facts.reportedAt) }),
    t(`${r}.who`, { who }),
    ...(place ? [t(`${r}.place`, { place })] : []),
    t(`${r}.temperatures`, { readings: readings || t(`${r}.noReadings`) }),
    t(`${r}.done`, { steps: done || t(`${r}.nothingDone`) }),
    ...(facts.pending.length
      ? [t(`${r}.pending`, { steps: facts.pending.map(step).join(t('guide.listSeparator')) })]
      : []),
    ...(facts.note ? [t(`${r}.note`, { note: facts.note })] : []),
    t(`${r}.from`, from),
  ];
}
