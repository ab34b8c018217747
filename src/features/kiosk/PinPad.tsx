import { Delete } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_LENGTH } from '../../domain/pin';
import { Button } from '../../ui/Button';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * A PIN keypad for gloved hands: digits shown as dots, keys of 88 px. A hardware
 * keyboard works too (digits, Backspace, Enter).
 */
export function PinPad({
  label,
  busy,
  disabled,
  onEnter,
}: {
  label: string;
  busy: boolean;
  disabled: boolean;
  /** Resolves false when the PIN was not accepted: the dots are cleared. */
  onEnter: (pin: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const blocked = busy || disabled;

  const press = (key: string) => {
    if (blocked) return;
    setPin((p) => (p.length < PIN_LENGTH.max ? p + key : p));
  };
  const erase = () => setPin((p) => p.slice(0, -1));
  const submit = () => {
    if (blocked || pin.length < PIN_LENGTH.min) return;
    void onEnter(pin).then((ok) => {
      if (!ok) setPin('');
    });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (/^\d$/.test(e.key)) press(e.key);
      else if (e.key === 'Backspace') erase();
      else if (e.key === 'Enter') submit();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  return (
    <div className="pin-pad">
      <p className="pin-label" id="pin-label">
        {label}
      </p>
      <output className="pin-dots" aria-labelledby="pin-label" data-testid="pin-dots">
        {pin.length === 0 ? (
          <span className="pin-placeholder">{t('kiosk.pin.placeholder')}</span>
        ) : (
          '●'.repeat(pin.length)
        )}
      </output>
      <div className="pin-keys">
        {KEYS.map((k) => (
          <Button key={k} bare className="key" onClick={() => press(k)} disabled={blocked}>
            {k}
          </Button>
        ))}
        <Button
          bare
          className="key"
          onClick={erase}
          aria-label={t('kiosk.pin.erase')}
          disabled={blocked}
        >
          <Delete aria-hidden size={36} />
        </Button>
        <Button bare className="key" onClick={() => press('0')} disabled={blocked}>
          0
        </Button>
        <Button
          bare
          className="key key-ok"
          onClick={submit}
          disabled={blocked || pin.length < PIN_LENGTH.min}
        >
          {t('kiosk.pin.ok')}
        </Button>
      </div>
    </div>
  );
}
