import type { KeyboardEvent, RefCallback } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import type { CloseRoomError } from '../client/errors';
import type { CloseRoomMessages } from '../i18n/messages';
import type { CloseRoomFormProps } from '../components/CloseRoomForm/CloseRoomForm';
import type {
  CloseRoomAlertKind,
  CloseRoomCheckboxState,
  CloseRoomFieldState,
  CloseRoomFormState,
  CloseRoomResult,
  CloseRoomTextControlProps,
  UseCloseRoomFormOptions,
  UseServerTagInputOptions,
  UseTagInputOptions,
} from '../index';
import { useCloseRoomForm, useServerTagInput, useTagInput } from '../index';
import type { TagInputState } from '../index';

describe('useCloseRoomForm options', () => {
  it('are the form props without the presentation ones, plus abandonSignal', () => {
    expectTypeOf(useCloseRoomForm).parameter(0).toEqualTypeOf<UseCloseRoomFormOptions>();
    expectTypeOf<UseCloseRoomFormOptions['rid']>().toEqualTypeOf<string>();
    expectTypeOf<Omit<CloseRoomFormProps, 'className'>>().toEqualTypeOf<Omit<UseCloseRoomFormOptions, 'abandonSignal'>>();
    expectTypeOf<UseCloseRoomFormOptions>().not.toHaveProperty('className');
    expectTypeOf<UseCloseRoomFormOptions['abandonSignal']>().toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf<UseCloseRoomFormOptions['source']>().toEqualTypeOf<'props' | 'server' | undefined>();
    expectTypeOf<NonNullable<UseCloseRoomFormOptions['onClosed']>>().parameter(0).toEqualTypeOf<CloseRoomResult>();
    expectTypeOf<NonNullable<UseCloseRoomFormOptions['onError']>>().parameter(0).toEqualTypeOf<CloseRoomError>();
  });

  it('need only rid', () => {
    const options: UseCloseRoomFormOptions = { rid: 'room-1' };
    expectTypeOf(options).toEqualTypeOf<UseCloseRoomFormOptions>();
    // @ts-expect-error rid is required
    const missing: UseCloseRoomFormOptions = {};
    expectTypeOf(missing).not.toBeAny();
  });
});

describe('useCloseRoomForm state', () => {
  it('is a named interface', () => {
    expectTypeOf(useCloseRoomForm).returns.toEqualTypeOf<CloseRoomFormState>();
    expectTypeOf<CloseRoomFormState['messages']>().toEqualTypeOf<CloseRoomMessages>();
    expectTypeOf<CloseRoomFormState['error']>().toEqualTypeOf<CloseRoomError | null>();
    expectTypeOf<CloseRoomFormState['waitSeconds']>().toEqualTypeOf<number>();
    expectTypeOf<CloseRoomFormState['submitLabel']>().toEqualTypeOf<string>();
  });

  it('gives ready-to-spread field props with words for errors', () => {
    type Comment = CloseRoomFormState['fields']['comment'];
    expectTypeOf<Comment>().toEqualTypeOf<CloseRoomFieldState<CloseRoomTextControlProps>>();
    expectTypeOf<Comment['error']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Comment['props']['aria-describedby']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Comment['props']['aria-invalid']>().toEqualTypeOf<true | undefined>();
    expectTypeOf<Comment['props']['readOnly']>().toEqualTypeOf<boolean>();
    expectTypeOf<CloseRoomFormState['fields']['sendTranscript']>().toEqualTypeOf<CloseRoomCheckboxState>();
    expectTypeOf<CloseRoomFormState['fields']['tags']['props']>().toEqualTypeOf<UseTagInputOptions>();
  });

  it('says which actions to show by leaving the others undefined', () => {
    type Actions = CloseRoomFormState['actions'];
    expectTypeOf<Actions['submit']>().toEqualTypeOf<() => Promise<void>>();
    expectTypeOf<Actions['cancel']>().toEqualTypeOf<(() => void) | undefined>();
    expectTypeOf<Actions['dismiss']>().toEqualTypeOf<(() => void) | undefined>();
    expectTypeOf<Actions['signInAgain']>().toEqualTypeOf<(() => void) | undefined>();
    expectTypeOf<Actions['closeAnyway']>().toEqualTypeOf<(() => void) | undefined>();
  });

  it('types the alert and the form element props', () => {
    expectTypeOf<NonNullable<CloseRoomFormState['alert']>['kind']>().toEqualTypeOf<CloseRoomAlertKind>();
    expectTypeOf<'closed' | 'tag-dead-end' | 'network'>().toExtend<CloseRoomAlertKind>();
    expectTypeOf<CloseRoomFormState['alertTextProps']['ref']>().toEqualTypeOf<RefCallback<HTMLElement>>();
    expectTypeOf<CloseRoomFormState['formProps']['onKeyDown']>().parameter(0).toEqualTypeOf<KeyboardEvent>();
    expectTypeOf<CloseRoomFormState['submitProps']['type']>().toEqualTypeOf<'submit'>();
  });
});

describe('the tag hooks', () => {
  it('take the tag field props and return the same state', () => {
    expectTypeOf(useTagInput).parameter(0).toEqualTypeOf<UseTagInputOptions>();
    expectTypeOf(useTagInput).returns.toEqualTypeOf<TagInputState>();
    expectTypeOf(useServerTagInput).returns.toEqualTypeOf<TagInputState>();
    expectTypeOf<UseServerTagInputOptions>().not.toHaveProperty('suggestions');
    expectTypeOf<CloseRoomFormState['fields']['tags']['props']>().toExtend<UseServerTagInputOptions>();
    expectTypeOf<TagInputState['removeTag']>().toEqualTypeOf<(tag: string) => void>();
  });
});
