import type { TFunction } from 'i18next';
import type { CheckpointEvent } from '../../domain/events';
import { maskName } from '../../domain/privacy';
import { formatReadings } from '../../domain/temperature';
import { clockTime } from '../../domain/time';

/**
 * What an event of a visit recorded, in words, for the timeline: the outcome, the code's
 * colour, the hospital. Names stay masked unless the lead chose to see them (recorded).
 */
export function eventValue(t: TFunction, e: CheckpointEvent, revealed: boolean): string {
  switch (e.type) {
    case 'appointment.matched':
      return [`${clockTime(e.data.slotStart)}–${clockTime(e.data.slotEnd)}`, e.data.matter]
        .filter(Boolean)
        .join(' · ');
    case 'appointment.walk-in':
      return e.data.urgent ? t('lead.values.urgent') : '';
    case 'mask.checked':
      return t(`lead.mask.${e.data.status}`);
    case 'temperature.measured':
      return formatReadings([e.data.celsius], true);
    case 'symptoms.reported': {
      const found = (['cough', 'breathing', 'other'] as const).filter((s) => e.data[s]);
      return found.length
        ? found
            .map((s) => t(`door.temperature.${s === 'other' ? 'otherSymptom' : s}`))
            .join(t('guide.listSeparator'))
        : t('lead.values.noSymptoms');
    }
    case 'identity.confirmed':
      return revealed ? e.data.name : maskName(e.data.name);
    case 'health-code.checked': {
      if (e.data.method === 'id-registration') return t('lead.values.method.id-registration');
      const { colour, colourSeen, method, shared } = e.data;
      const told = [
        t(`door.codes.${colour}`),
        t(`lead.values.method.${method}`),
        ...(method === 'staff-lookup' ? [e.data.by] : []),
        ...(shared ? [t(`lead.values.sharedCode.${shared.decision}`)] : []),
      ].join(' · ');
      // A disagreement stays visible: what staff confirmed counts, what the camera read is noted.
      if (!colourSeen || colourSeen === colour) return told;
      const seen =
        colourSeen === 'black' ? t('lead.values.plainCode') : t(`door.codes.${colourSeen}`);
      return `${told} · ${t('lead.values.colourSeen', { colour: seen })}`;
    }
    case 'travel-code.checked':
      return `${t(e.data.riskArea ? 'door.codes.risk' : 'door.codes.noRisk')} · ${t(`lead.values.method.${e.data.method}`)}`;
    case 'visit.decided': {
      const o = e.data.outcome;
      if (o.kind === 'admitted') return `${t('log.status.admitted')} ${o.ticket}`;
      if (o.kind === 'isolated') return t('log.status.isolated');
      return `${t('log.status.refused')} · ${t(`log.reasons.${o.reason}`)}`;
    }
    case 'visit.abandoned':
      return t(`door.outcome.abandonReasons.${e.data.reason}`);
    case 'visit.exited':
      return e.data.automatic ? t('lead.values.automatic') : '';
    case 'queue.called':
      return (
        t('lead.values.window', { window: e.data.window }) +
        (e.data.priority ? ` · ${t('lead.values.priority')}` : '')
      );
    case 'queue.recalled':
    case 'queue.served':
      return t('lead.values.window', { window: e.data.window });
    case 'queue.no-show':
      return t('lead.values.calls', { calls: e.data.calls });
    case 'isolation.handed-over':
      return e.data.hospital;
    default:
      return '';
  }
}
