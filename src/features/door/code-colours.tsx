import { CircleCheck, type LucideIcon, OctagonX, Square, TriangleAlert } from 'lucide-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeenColour } from '../../domain/codes/code-colour';
import type { HealthCodeColour } from '../../domain/policy';
import { Button } from '../../ui/Button';

/** Each colour has a shape too, for staff who do not tell red from green. */
export const COLOUR_ICON: Record<SeenColour, LucideIcon> = {
  green: CircleCheck,
  yellow: TriangleAlert,
  red: OctagonX,
  black: Square,
};
export const HEALTH_COLOURS: readonly HealthCodeColour[] = ['green', 'yellow', 'red'];
const TONE = { green: 'ok', yellow: 'warn', red: 'danger' } as const;

/** Green, yellow and red, each with its shape: the colour staff confirm. */
export function ColourRow({
  legend,
  offered = null,
  disabled = false,
  buttonRef,
  onPick,
}: {
  legend: string;
  offered?: HealthCodeColour | null;
  disabled?: boolean;
  buttonRef?: (colour: HealthCodeColour) => Ref<HTMLButtonElement>;
  onPick: (colour: HealthCodeColour) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-row colour-row">
      <legend>{legend}</legend>
      {HEALTH_COLOURS.map((colour) => {
        const Icon = COLOUR_ICON[colour];
        return (
          <Button
            key={colour}
            ref={buttonRef?.(colour)}
            tone={TONE[colour]}
            disabled={disabled}
            className={offered === colour ? 'btn-suggested' : ''}
            data-offered={offered === colour ? 'true' : undefined}
            onClick={() => onPick(colour)}
          >
            <Icon aria-hidden /> {t(`door.codes.${colour}`)}
          </Button>
        );
      })}
    </fieldset>
  );
}
