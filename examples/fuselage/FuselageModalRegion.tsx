import { ModalBackdrop } from '@rocket.chat/fuselage';
import type { KeyboardEvent, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { FocusScope } from 'react-aria';

/**
 * Where a fuselage modal lives, as in Rocket.Chat's own modal region: a backdrop portalled to
 * `<body>`, focus kept inside and given back on close, Escape dismisses.
 */
export function FuselageModalRegion({ onDismiss, children }: { onDismiss: () => void; children: ReactNode }) {
  const onKeyDown = (event: KeyboardEvent) => {
    // Escape in an open tag list closes the list, not the modal.
    if (event.key !== 'Escape' || (event.target instanceof Element && event.target.matches('[aria-expanded="true"]'))) return;
    event.stopPropagation();
    onDismiss();
  };
  return createPortal(
    <ModalBackdrop onKeyDown={onKeyDown}>
      {/* eslint-disable-next-line jsx-a11y/no-autofocus -- a modal moves focus into itself on open (WAI-ARIA dialog pattern) */}
      <FocusScope contain restoreFocus autoFocus>
        {children}
      </FocusScope>
    </ModalBackdrop>,
    document.body,
  );
}
