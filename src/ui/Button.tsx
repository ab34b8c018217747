import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Tone = 'primary' | 'ok' | 'warn' | 'danger' | 'neutral';

/** A touch target sized for gloved hands (at least 72 px tall). */
export function Button({
  tone = 'neutral',
  size = 'large',
  children,
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  tone?: Tone;
  size?: 'large' | 'huge';
  children: ReactNode;
}) {
  return (
    <button type="button" className={`btn btn-${tone} btn-${size} ${className ?? ''}`} {...rest}>
      {children}
    </button>
  );
}
