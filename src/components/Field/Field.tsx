import type { ReactNode } from 'react';
import { cx } from '../../utils/cx';

export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

export interface FieldProps {
  /** The control's id; the hint and error ids derive from it. */
  id: string;
  label: ReactNode;
  /** Shown after the label, e.g. "(required)". */
  labelSuffix?: string;
  hint?: ReactNode;
  /** The error text, when the field is invalid. */
  error?: string;
  /** Renders the control with the wiring props spread on it. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * Label, control, hint and error wired by id. `aria-describedby` lists only nodes that are
 * rendered (shadcn/ui's form references a description that may not exist: not here).
 */
export function Field({ id, label, labelSuffix, hint, error, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = cx(errorId, hintId);
  return (
    <div className="rcou-field" data-invalid={error ? '' : undefined}>
      <label className="rcou-field__label" htmlFor={id}>
        {label}
        {labelSuffix && <span className="rcou-field__suffix"> {labelSuffix}</span>}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p id={hintId} className="rcou-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="rcou-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
