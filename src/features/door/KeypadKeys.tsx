import { Delete } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';

/** The large keys of the door's keypads (a reading, a sampling time), and delete. */
export function KeypadKeys({
  keys,
  onKey,
  onDelete,
}: {
  keys: readonly string[];
  onKey: (key: string) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="keypad-keys">
      {keys.map((k) => (
        <Button key={k} bare className="key" onClick={() => onKey(k)}>
          {k}
        </Button>
      ))}
      <Button bare className="key" aria-label={t('door.temperature.clear')} onClick={onDelete}>
        <Delete aria-hidden />
      </Button>
    </div>
  );
}
