import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';

type Tone = 'primary' | 'ok' | 'warn' | 'danger' | 'neutral';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  tone?: Tone;
  size?: 'large' | 'huge';
  /**
   * A touch target styled by its own class (keypad keys, readings, booking cards, tabs)
   * rather than as a button: it keeps the same tap handling as every other button.
   */
  bare?: boolean;
  children: ReactNode;
  ref?: Ref<HTMLButtonElement>;
};

/** Every button of the app: a touch target sized for gloved hands (at least 72 px tall). */
export function Button({
  tone = 'neutral',
  size = 'large',
  bare = false,
  children,
  className,
  ref,
  ...rest
}: ButtonProps) {
  const classes = bare ? (className ?? '') : `btn btn-${tone} btn-${size} ${className ?? ''}`;
  return (
    <button type="button" ref={ref} className={classes.trim()} {...rest}>
      {children}
    </button>
  );
}
