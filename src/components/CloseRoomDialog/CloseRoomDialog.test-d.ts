import type { ComponentProps } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import type { CloseRoomError } from '../../client/errors';
import type { CloseRoomResult } from '../CloseRoomForm/CloseRoomForm';
import type { CloseRoomDialog } from './CloseRoomDialog';

type Props = ComponentProps<typeof CloseRoomDialog>;

describe('CloseRoomDialog props', () => {
  it('requires rid and types the callbacks', () => {
    expectTypeOf<Props['rid']>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<Props['onClosed']>>().parameter(0).toEqualTypeOf<CloseRoomResult>();
    expectTypeOf<NonNullable<Props['onError']>>().parameter(0).toEqualTypeOf<CloseRoomError>();
    expectTypeOf<NonNullable<Props['onOpenChange']>>().parameter(0).toEqualTypeOf<boolean>();
  });

  it('takes only known sources and partial messages', () => {
    expectTypeOf<Props['source']>().toEqualTypeOf<'props' | 'server' | undefined>();
    const messages: Props['messages'] = { submit: 'Fechar', errors: { network: 'Sem rede' } };
    expectTypeOf(messages).not.toBeUndefined();
    const take = (value: Props['messages']) => value;
    // @ts-expect-error unknown message keys are refused
    take({ submitt: 'typo' });
  });

  it('does not take the form-only props', () => {
    expectTypeOf<Props>().not.toHaveProperty('onCancel');
    expectTypeOf<Props>().not.toHaveProperty('id');
  });
});
