import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { privacyRecords } from '../../db/queries';
import type { PrivacyEvent } from '../../domain/events';
import { maskName } from '../../domain/privacy';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';

/** The day's record of what was done with personal data: who (which tablet), what, when. */
export function PrivacyLog({ day }: { day: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const records = useLiveQuery(() => privacyRecords(db, day), [db, day]);
  if (!records) return null;

  const sentence = (e: PrivacyEvent): string => {
    switch (e.type) {
      case 'lead.exported':
        return t('lead.audit.exported', {
          what: t(`lead.audit.what.${e.data.what}`),
          format: t(`lead.audit.format.${e.data.format}`),
          rows: e.data.rows,
        });
      case 'lead.traced':
        return t('lead.audit.traced', {
          subject: e.data.person
            ? t('lead.audit.staff', { name: maskName(e.data.person) })
            : t('lead.audit.visit'),
          contacts: e.data.contacts,
        });
      case 'lead.revealed':
        return t('lead.audit.revealed');
      case 'device.data-purged':
        return t('lead.audit.purged', { visits: e.data.visits });
    }
  };

  return (
    <section className="privacy-log" aria-labelledby="privacy-log-title">
      <h3 id="privacy-log-title">{t('lead.audit.title')}</h3>
      {records.length === 0 ? (
        <p className="hint">{t('lead.audit.none')}</p>
      ) : (
        <ol>
          {records.map((e) => (
            <li key={e.id}>
              <time>{clockTime(e.at)}</time> <span>{sentence(e)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
