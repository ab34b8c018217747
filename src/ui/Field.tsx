import { cloneElement, type ReactElement, type ReactNode } from 'react';

interface FieldInputProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * A labelled input with its error in words under it. The input is given its id and the
 * ARIA links to the error, so every form says what is wrong the same way.
 */
export function Field({
  id,
  label,
  error,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  /** The problem in words; nothing when the value is fine. */
  error?: ReactNode;
  className?: string;
  children: ReactElement<FieldInputProps>;
}) {
  const errorId = `${id}-error`;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}

/** A problem in words, under the field it belongs to (nothing when there is none). */
export function FieldError({ id, children }: { id?: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <span id={id} className="field-error">
      {children}
    </span>
  );
}
