import { ArrowLeft, FileText, IdCard, ScanQrCode, UserSearch } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offeredAlternatives } from '../../domain/codes/alternatives';
import { clipText, type HealthCodeChecked, TEXT_LIMITS } from '../../domain/events';
import type { HealthCodeColour, NoPhoneMethod, Policy } from '../../domain/policy';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { ColourRow } from './code-colours';

const ICON = { paper: FileText, 'staff-lookup': UserSearch, 'id-registration': IdCard } as const;

/**
 * The codes step for a visitor without a smartphone (issue 33): the alternatives this
 * hall's policy offers, each recorded as what it is. A paper proof's QR, when scanned
 * beside it, is the proof's fingerprint (`scanned`); its printed colour is what staff tap.
 */
export function NoPhonePanel({
  policy,
  scanned,
  colourDisabled,
  onRecord,
  onBack,
}: {
  policy: Policy;
  scanned: { payloadHash: string; excerpt: string } | null;
  /** While staff have not decided about a code another person showed today. */
  colourDisabled: boolean;
  onRecord: (check: HealthCodeChecked) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<NoPhoneMethod | null>(null);
  const [by, setBy] = useState('');

  const back = (
    <Button onClick={method ? () => setMethod(null) : onBack}>
      <ArrowLeft aria-hidden /> {t('door.codes.noPhone.back')}
    </Button>
  );
  if (!method) {
    return (
      <div className="no-phone" data-testid="no-phone">
        <fieldset className="choice-row no-phone-methods">
          <legend>{t('door.codes.noPhone.title')}</legend>
          {offeredAlternatives(policy).map((m) => {
            const Icon = ICON[m];
            return (
              <Button key={m} size="huge" onClick={() => setMethod(m)}>
                <Icon aria-hidden /> {t(`door.codes.noPhone.methods.${m}`)}
              </Button>
            );
          })}
        </fieldset>
        {back}
      </div>
    );
  }

  const pick = (colour: HealthCodeColour) =>
    method === 'paper'
      ? onRecord({ method, colour, ...(scanned ?? {}) })
      : onRecord({ method: 'staff-lookup', colour, by: clipText(by, TEXT_LIMITS.by) });

  return (
    <div className="no-phone" data-testid="no-phone">
      <h3>{t(`door.codes.noPhone.methods.${method}`)}</h3>
      <p className="hint">{t(`door.codes.noPhone.hints.${method}`)}</p>
      {method === 'paper' && scanned && (
        <p className="colour-seen" data-testid="paper-scanned">
          <ScanQrCode aria-hidden /> {t('door.codes.noPhone.paperScanned')}
        </p>
      )}
      {method === 'staff-lookup' && (
        <Field id="lookup-by" label={t('door.codes.noPhone.lookupBy')}>
          <input
            className="search"
            value={by}
            maxLength={TEXT_LIMITS.by}
            autoComplete="off"
            onChange={(e) => setBy(e.target.value)}
          />
        </Field>
      )}
      {method === 'id-registration' ? (
        <Button tone="ok" size="huge" onClick={() => onRecord({ method })}>
          <IdCard aria-hidden /> {t('door.codes.noPhone.register')}
        </Button>
      ) : (
        <ColourRow
          legend={t(
            method === 'paper'
              ? 'door.codes.noPhone.paperColour'
              : 'door.codes.noPhone.lookupColour',
          )}
          disabled={colourDisabled || (method === 'staff-lookup' && by.trim() === '')}
          onPick={pick}
        />
      )}
      {back}
    </div>
  );
}
