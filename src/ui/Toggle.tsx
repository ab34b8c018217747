import type { ReactNode } from 'react';
import { Button } from './Button';

/** An on/off choice as one large button (aria-pressed), for gloved hands. */
export function Toggle({
  pressed,
  onChange,
  large = false,
  className,
  children,
}: {
  pressed: boolean;
  onChange: (pressed: boolean) => void;
  large?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const classes = ['toggle', large ? 'toggle-large' : '', className ?? ''].filter(Boolean);
  return (
    <Button
      bare
      guardRepeat
      className={classes.join(' ')}
      aria-pressed={pressed}
      onClick={() => onChange(!pressed)}
    >
      {children}
    </Button>
  );
}
