import { describe, expect, it } from 'vitest';
import { validateCloseBody } from '../testing';
import {
  closeRoomFormSchema,
  createCloseRoomFormSchema,
  emptyCloseRoomFormValues,
  isValidEmail,
  normaliseTags,
  toCloseRoomRequest,
} from './close-room-form-schema';
import type { CloseRoomFormInput, CloseRoomFormValues } from './close-room-form-schema';

function issues(values: Partial<CloseRoomFormInput>, options?: Parameters<typeof createCloseRoomFormSchema>[0]) {
  const result = createCloseRoomFormSchema(options).safeParse(emptyCloseRoomFormValues(values));
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

function parse(values: Partial<CloseRoomFormInput>): CloseRoomFormValues {
  return closeRoomFormSchema.parse(emptyCloseRoomFormValues(values));
}

describe('closeRoomFormSchema', () => {
  it('accepts empty values when no rule is on', () => {
    expect(issues({})).toEqual({});
  });

  describe('given a required comment', () => {
    it.each(['', '   ', '\n\t '])('refuses %j', (comment) => {
      expect(issues({ comment }, { requireComment: true })).toEqual({ comment: 'comment-required' });
    });
    it('accepts a real comment', () => {
      expect(issues({ comment: ' ok ' }, { requireComment: true })).toEqual({});
    });
  });

  describe('given required tags', () => {
    it('refuses no tags, and tags that are all blank', () => {
      expect(issues({ tags: [] }, { requireTags: true })).toEqual({ tags: 'tags-required' });
      expect(issues({ tags: ['  ', ''] }, { requireTags: true })).toEqual({ tags: 'tags-required' });
    });
    it('accepts one tag', () => {
      expect(issues({ tags: ['vip'] }, { requireTags: true })).toEqual({});
    });
  });

  it('trims tags, drops blanks and keeps the first of tags differing only in case or spaces', () => {
    expect(parse({ tags: [' Billing ', 'billing', 'BILLING', '', '  ', 'follow  up', 'Follow up', 'vip'] }).tags).toEqual([
      'Billing',
      'follow up',
      'vip',
    ]);
    expect(normaliseTags(['é', 'É', '🙂', '🙂 '])).toEqual(['é', '🙂']);
  });

  describe('when sending the transcript', () => {
    const sending = { sendTranscript: true, transcriptSubject: 'Your chat' };
    it('requires an email and a subject', () => {
      expect(issues({ ...sending, transcriptEmail: '  ', transcriptSubject: ' ' })).toEqual({
        transcriptEmail: 'email-required',
        transcriptSubject: 'subject-required',
      });
    });
    it.each(['maria', 'maria@', '@example.com', 'maria@example', 'maria@@example.com', 'ma ria@example.com', 'maria@example..com', '.maria@example.com', 'maria.@example.com', 'maria@-example.com', 'maria@example.c'])(
      'refuses the address %j',
      (transcriptEmail) => {
        expect(issues({ ...sending, transcriptEmail })).toEqual({ transcriptEmail: 'email-invalid' });
      },
    );
    it.each(['maria+orders@example.com', 'o\'neil@example.co.uk', 'x@sub.domain.example.museum', 'first.last@example.technology', 'UPPER@EXAMPLE.COM'])(
      'accepts the address %j',
      (transcriptEmail) => {
        expect(issues({ ...sending, transcriptEmail })).toEqual({});
      },
    );
    it('trims the email and subject', () => {
      expect(parse({ ...sending, transcriptEmail: ' a@b.co ', transcriptSubject: ' Hi ' })).toMatchObject({
        transcriptEmail: 'a@b.co',
        transcriptSubject: 'Hi',
      });
    });
  });

  it('ignores a bad email while not sending the transcript', () => {
    expect(issues({ sendTranscript: false, transcriptEmail: 'not an email' })).toEqual({});
  });

  it('refuses an address longer than 254 characters', () => {
    expect(isValidEmail(`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`)).toBe(false);
  });
});

describe('toCloseRoomRequest', () => {
  it.each(['', '  '])('refuses the rid %j', (rid) => {
    expect(() => toCloseRoomRequest(rid, parse({}))).toThrow(/rid must be a non-empty string/);
  });

  // Every combination of the four options, and every body must pass the server's own schema.
  const combinations = [false, true].flatMap((comment) =>
    [false, true].flatMap((tags) =>
      [false, true].flatMap((sendTranscript) => [false, true].map((pdf) => ({ comment, tags, sendTranscript, pdf }))),
    ),
  );

  it.each(combinations)('builds the body for %o', ({ comment, tags, sendTranscript, pdf }) => {
    const values = parse({
      comment: comment ? '  Solved on the phone ' : '   ',
      tags: tags ? ['billing', ' Billing', 'vip'] : [' '],
      sendTranscript,
      transcriptEmail: 'maria@example.com',
      transcriptSubject: 'Your conversation',
      generateTranscriptPdf: pdf,
    });
    const body = toCloseRoomRequest('room-1', values);
    expect(body).toEqual({
      rid: 'room-1',
      ...(comment && { comment: 'Solved on the phone' }),
      ...(tags && { tags: ['billing', 'vip'] }),
      ...(pdf && { generateTranscriptPdf: true }),
      ...(sendTranscript && {
        transcriptEmail: { sendToVisitor: true, requestData: { email: 'maria@example.com', subject: 'Your conversation' } },
      }),
    });
    expect(validateCloseBody(body)).toBeUndefined();
  });

  it('never sends sendToVisitor: true without requestData, even from unvalidated values', () => {
    const body = toCloseRoomRequest('room-1', { ...parse({}), sendTranscript: true, transcriptEmail: '' });
    expect(body).toEqual({ rid: 'room-1' });
  });
});
