import type { ReactNode } from 'react';
import type { CloseRoomFieldState } from '../../form/close-room-form-state';

export interface FieldProps {
  /** The field's state from `useCloseRoomForm`: label, hint and error with their ids. */
  field: Omit<CloseRoomFieldState<unknown>, 'props' | 'visible'>;
  /** The control, with the field's `props` spread on it. */
  children: ReactNode;
}

/**
 * Label, control, hint and error wired by id. The hint and error are rendered exactly when the
 * state has them, so the control's `aria-describedby` names only mounted nodes.
 */
export function Field({ field, children }: FieldProps) {
  return (
    <div className="rcou-field" data-invalid={field.error ? '' : undefined}>
      <label className="rcou-field__label" htmlFor={field.id}>
        {field.label}
        {/* A visual mark: the control's aria-required says it to assistive technology, which would
            otherwise hear "required" twice. */}
        {field.labelSuffix && (
          <span className="rcou-field__suffix" aria-hidden="true">
            {' '}
            {field.labelSuffix}
          </span>
        )}
      </label>
      {children}
      {field.hint && (
        <p id={field.hintId} className="rcou-field__hint">
          {field.hint}
        </p>
      )}
      {field.error && (
        <p id={field.errorId} className="rcou-field__error">
          {field.error}
        </p>
      )}
    </div>
  );
}
