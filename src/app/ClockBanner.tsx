import { Clock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { clockWarning, offsetSpan } from '../domain/clock';
import { useClockStore } from '../services/clock/checked-clock';
import { useServices } from '../services/services';

/**
 * The door's warning when the tablet's clock is off the server's by more than the
 * policy's tolerance (issue 23): by how much, which way, and what to do.
 */
export function ClockBanner() {
  const { t } = useTranslation();
  const { policy } = useServices();
  const warning = clockWarning(
    useClockStore((s) => s.offsetMs),
    policy.clock,
  );
  if (!warning) return null;
  const { unit, count } = offsetSpan(warning.ms);
  return (
    <div className="banner banner-warn" role="alert" data-testid="clock-warning">
      <Clock aria-hidden />
      <span>
        {t(`clock.${warning.direction}.${unit}`, { count })} {t('clock.kept')}
      </span>
    </div>
  );
}
