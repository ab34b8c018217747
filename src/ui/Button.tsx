import type { ButtonHTMLAttributes, MouseEvent, ReactNode, Ref } from 'react';
import { useRepeatGuard, useSettling } from './settle';

type Tone = 'primary' | 'ok' | 'warn' | 'danger' | 'neutral';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
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
 * It acts on a completed tap (click), never on pointer-down, and ignores taps for a
 * settle time after it appears (src/ui/settle.tsx): a double tap cannot reach the next step.
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
  const settling = useSettling();
  const repeatOk = useRepeatGuard();
  const classes = bare ? (className ?? '') : `btn btn-${tone} btn-${size} ${className ?? ''}`;
  const click = (e: MouseEvent<HTMLButtonElement>) => {
    if (guardRepeat && !repeatOk()) return;
    onClick?.(e);
  };
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
