import { CircleCheck, CircleX, Users } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { maskName } from '../../domain/privacy';
import type { CodeShown } from '../../domain/shared-code';
import { clockTime } from '../../domain/time';
import { Button } from '../../ui/Button';
import { beep } from './scanner/beep';

export type SharedDecision = 'continue' | 'refuse';

/**
 * The health code just scanned was shown today by another identity (issue 33): said
 * before the verdict, with when and by whom (masked); staff decide, and the colour they
 * tap next is recorded with the decision.
 */
export function SharedCodeBanner({
  match,
  decision,
  onDecide,
}: {
  match: CodeShown;
  decision: SharedDecision | null;
  onDecide: (decision: SharedDecision) => void;
}) {
  const { t } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: one warning per match shown
  useEffect(() => beep('bad'), [match.visit]);
  return (
    <div className="shared-banner" role="alert" data-testid="shared-code">
      <p>
        <Users aria-hidden />{' '}
        {t('door.codes.shared.banner', { time: clockTime(match.at), name: maskName(match.name) })}
      </p>
      <p className="shared-ask">
        {decision === 'refuse' ? t('door.codes.shared.refusing') : t('door.codes.shared.ask')}
      </p>
      <div className="choice-row">
        <Button aria-pressed={decision === 'continue'} onClick={() => onDecide('continue')}>
          <CircleCheck aria-hidden /> {t('door.codes.shared.continue')}
        </Button>
        <Button
          className="shared-refuse"
          aria-pressed={decision === 'refuse'}
          onClick={() => onDecide('refuse')}
        >
          <CircleX aria-hidden /> {t('door.codes.shared.refuse')}
        </Button>
      </div>
    </div>
  );
}
