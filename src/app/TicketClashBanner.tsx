import { TriangleAlert } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketClash } from '../domain/ticket-clash';
import { useServices } from '../services/services';
import { useToday } from '../services/use-today';

/** Another door tablet issues tickets with this tablet's letter today: say so, and what to do. */
export function TicketClashBanner() {
  const { t } = useTranslation();
  const { device, settings } = useServices();
  const today = useToday();
  const clash = useMemo(
    () => (today ? ticketClash(today.visits, device, settings.ticketPrefix) : []),
    [today, device, settings.ticketPrefix],
  );
  if (clash.length === 0) return null;
  return (
    <div className="banner banner-warn" role="alert">
      <TriangleAlert aria-hidden />
      <span>{t('app.ticketClash', { letter: settings.ticketPrefix })}</span>
    </div>
  );
}
