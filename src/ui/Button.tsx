import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';

type Tone = 'primary' | 'ok' | 'warn' | 'danger' | 'neutral';

/** A touch target sized for gloved hands (at least 72 px tall). */
export function Button({
  tone = 'neutral',
  size = 'large',
  children,
  className,
  ref,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  tone?: Tone;
  size?: 'large' | 'huge';
  children: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      type="button"
      ref={ref}
      className={`btn btn-${tone} btn-${size} ${className ?? ''}`}
      {...rest}
    >
      {children}
    </button>
  );
}
