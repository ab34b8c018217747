import { IdCard } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { DeviceSettings } from '../../db/settings';
import { READER_SEPARATORS, type ReaderSeparator } from '../../domain/reader-separator';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';

/** The separator's name, where the character alone would be hard to see on a button. */
const LABELS: Record<ReaderSeparator, 'comma' | 'bar' | 'semicolon' | 'space'> = {
  ',': 'comma',
  '|': 'bar',
  ';': 'semicolon',
  ' ': 'space',
};

/**
 * What a keyboard-mode ID-card reader types between the name and the number, so the
 * identity step can tell them apart (src/domain/card-reader-text.ts).
 */
export function CardReaderSettings({
  onSave,
}: {
  onSave: (settings: DeviceSettings) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { settings } = useServices();
  return (
    <fieldset className="row" data-testid="card-reader-separator">
      <legend>
        <IdCard aria-hidden /> {t('settings.cardReader.title')}
      </legend>
      <p className="hint">{t('settings.cardReader.hint')}</p>
      {READER_SEPARATORS.map((separator) => (
        <Button
          key={LABELS[separator]}
          bare
          className="toggle"
          aria-pressed={settings.cardReaderSeparator === separator}
          onClick={() => void onSave({ ...settings, cardReaderSeparator: separator })}
        >
          {t(`settings.cardReader.${LABELS[separator]}`)}
        </Button>
      ))}
    </fieldset>
  );
}
