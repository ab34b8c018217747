import { Phone } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { formatReadings } from '../../domain/temperature';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import './emergency.css';

/**
 * A suspected case: whom to call (the numbers come from the policy: 120, the local CDC,
 * the community) and what to say, so nobody has to look a number up with gloves on.
 */
export function EmergencyContacts({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const { policy, settings } = useServices();
  const numbers = (['ambulance', 'cdc', 'community'] as const).filter(
    (who) => policy.emergency[who] !== '',
  );
  return (
    <section className="emergency" aria-labelledby="emergency-title" data-testid="emergency">
      <h3 id="emergency-title">{t('door.emergency.title')}</h3>
      <ul className="emergency-numbers">
        {numbers.map((who) => (
          <li key={who}>
            <Phone aria-hidden /> <span>{t(`door.emergency.who.${who}`)}</span>
            <strong>{policy.emergency[who]}</strong>
          </li>
        ))}
      </ul>
      <p className="emergency-say">
        {t('door.emergency.say', {
          hall: settings.hallName || settings.siteName || t('app.title'),
          readings: formatReadings(
            visit.readings.map((r) => r.celsius),
            true,
          ),
        })}
      </p>
    </section>
  );
}
