import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../domain/policy';
import { formatCelsius, parseTemperatureInput } from '../../domain/temperature';
import { Button } from '../../ui/Button';
import { KeypadKeys } from './KeypadKeys';

const KEYS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '.', '0'] as const;

/** A large numeric keypad for readings outside the one-touch range. */
export function Keypad({
  policy,
  onReading,
  children,
}: {
  policy: Policy;
  onReading: (celsius: number) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [suggestion, setSuggestion] = useState<number | null>(null);

  const submit = () => {
    const parsed = parseTemperatureInput(text, policy);
    if (parsed.ok) {
      onReading(parsed.celsius);
      return;
    }
    const { plausibleMinC: min, plausibleMaxC: max } = policy.temperature;
    setError(
      parsed.reason === 'empty'
        ? t('door.temperature.errorEmpty')
        : parsed.reason === 'format'
          ? t('door.temperature.errorFormat')
          : t('door.temperature.errorImplausible', {
              min: formatCelsius(min),
              max: formatCelsius(max),
            }),
    );
    setSuggestion(parsed.suggestion ?? null);
  };
  const type = (key: string) => {
    setError(null);
    setSuggestion(null);
    setText((s) => (s.length < 5 ? s + key : s));
  };

  return (
    <fieldset className="keypad">
      <legend className="sr-only">{t('door.temperature.keypadTitle')}</legend>
      <div className="keypad-side">
        <output className="keypad-display" aria-live="polite" data-testid="keypad-display">
          {text || ' '} °C
        </output>
        {/* One message: a likely slip ("376") gets the one-tap correction, not also an error. */}
        {suggestion !== null ? (
          <div role="alert">
            <Button tone="primary" onClick={() => onReading(suggestion)}>
              {t('door.temperature.suggestion', { value: formatCelsius(suggestion) })}
            </Button>
          </div>
        ) : (
          error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )
        )}
        <Button tone="primary" onClick={submit}>
          {t('door.temperature.ok')}
        </Button>
        {children}
      </div>
      <KeypadKeys
        keys={KEYS}
        onKey={type}
        onDelete={() => {
          setText((s) => s.slice(0, -1));
          setError(null);
          setSuggestion(null);
        }}
      />
    </fieldset>
  );
}
