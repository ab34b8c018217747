import type { ButtonHTMLAttributes, MouseEvent, ReactNode, Ref } from 'react';
import { useTapGuard } from './settle';

type Tone = 'primary' | 'ok' | 'warn' | 'danger' | 'neutral';

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick'> & {
  /**
   * A handler that returns a promise issues a command: the screen takes no other tap
   * until it has settled and its result is painted (src/ui/settle.tsx).
   */
  onClick?: (event: MouseEvent<HTMLButtonElement>) => unknown;
  tone?: Tone;
  size?: 'large' | 'huge';
  /**
   * A touch target styled by its own class (keypad keys, readings, booking cards, tabs)
   * rather than as a button: it keeps the same tap handling as every other button.
   */
  bare?: boolean;
  /** A button that stays on screen when tapped (a toggle): a quick second tap is ignored. */
  guardRepeat?: boolean;
  children: ReactNode;
  ref?: Ref<HTMLButtonElement>;
};

/**
 * Every button of the app: a touch target sized for gloved hands (at least 72 px tall).
 * It acts on a completed tap (click), never on pointer-down, and judges each tap by when
 * it was made (src/ui/settle.tsx): none while a command is in flight, none sooner than a
 * settle time after the button was painted, so a double tap cannot reach the next step.
 */
export function Button({
  tone = 'neutral',
  size = 'large',
  bare = false,
  guardRepeat = false,
  children,
  className,
  ref,
  disabled,
  onClick,
  ...rest
}: ButtonProps) {
  const { settling, run } = useTapGuard(guardRepeat);
  const classes = bare ? (className ?? '') : `btn btn-${tone} btn-${size} ${className ?? ''}`;
  const click = (e: MouseEvent<HTMLButtonElement>) => run(e, () => onClick?.(e));
  return (
    <button
      type="button"
      ref={ref}
      className={classes.trim()}
      disabled={disabled || settling}
      data-settling={settling && !disabled ? '' : undefined}
      onClick={onClick ? click : undefined}
      {...rest}
    >
      {children}
    </button>
  );
}
