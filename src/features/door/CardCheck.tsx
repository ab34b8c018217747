import { useTranslation } from 'react-i18next';
import type { CardOffer } from '../../domain/card-read';
import { Button } from '../../ui/Button';

/**
 * A booked visitor's card read against the booking: a match confirmed with one tap, a
 * mismatch said plainly with the two numbers' tails, and staff decide (register the
 * card's identity, or read again).
 */
export function CardCheck({
  card,
  bookedId,
  tail,
  onConfirm,
  onRegister,
  onReadAgain,
}: {
  card: CardOffer;
  bookedId: string;
  tail: number;
  onConfirm: () => void;
  onRegister: () => void;
  onReadAgain: () => void;
}) {
  const { t } = useTranslation();
  if (card.idNumber === bookedId) {
    return (
      <div className="card-check card-match" data-testid="card-match">
        <p>{t('door.identity.card.match', { tail: card.idNumber.slice(-tail) })}</p>
        <Button tone="ok" size="huge" onClick={onConfirm}>
          {t('door.identity.card.confirm')}
        </Button>
      </div>
    );
  }
  return (
    <div className="card-check card-mismatch" role="alert" data-testid="card-mismatch">
      <p className="card-mismatch-title">{t('door.identity.card.mismatch')}</p>
      <p>
        {t('door.identity.card.tails', {
          card: card.idNumber.slice(-tail),
          booked: bookedId.slice(-tail),
        })}
      </p>
      <div className="choices">
        <Button tone="warn" onClick={onRegister}>
          {t('door.identity.card.register')}
        </Button>
        <Button onClick={onReadAgain}>{t('door.identity.card.readAgain')}</Button>
      </div>
    </div>
  );
}
