import { describe, expect, it } from 'vitest';
import { validateCloseBody } from '../testing';
import {
  closeRoomFormSchema,
  createCloseRoomFormSchema,
  emptyCloseRoomFormValues,
  isValidEmail,
  normaliseTag,
  normaliseTags,
  tagKey,
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

  // Only invisible or blank-looking characters, some mixed with exotic spaces: each looks like nothing.
  const invisibleTags = [
    '\u200B',
    '\u200C\u200D',
    '\u2060\uFEFF\u00AD',
    '\u034F\u115F\u1160',
    '\u3164\uFFA0',
    '\u180E\u2800',
    '\u202A\u202B\u202C\u202D\u202E',
    '\u2066\u2067\u2068\u2069',
    '\u200E\u200F\u061C',
    '\u00A0\u200B\u2003\u3000\uFEFF',
    '\uFE0F \u200D\t\u00A0',
  ];

  it.each(invisibleTags)('drops the invisible tag %j, so it does not satisfy required tags', (tag) => {
    expect(normaliseTags([tag])).toEqual([]);
    expect(tagKey(tag)).toBe('');
    expect(issues({ tags: [tag] }, { requireTags: true })).toEqual({ tags: 'tags-required' });
  });

  it('stores a tag in NFC without bidi controls, invisible litter, or joiners at its ends', () => {
    expect(normaliseTag('\u202Evip\u202C')).toBe('vip');
    expect(normaliseTag('\u2067فواتير\u2069')).toBe('فواتير');
    expect(normaliseTag('v\u200Bi\u00ADp\u2060\uFEFF')).toBe('vip');
    expect(normaliseTag('Cafe\u0301')).toBe('Caf\u00E9');
    expect(normaliseTag(' \u200Dfollow\u00A0\u2003 up\u200C ')).toBe('follow up');
    expect(normaliseTag('line\r\nbreak\u2028here\u0000')).toBe('line break here');
  });

  it('keeps ZWJ, ZWNJ and variation selectors inside a tag', () => {
    expect(normaliseTag('👩\u200D💻')).toBe('👩\u200D💻');
    expect(normaliseTag('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(normaliseTag('love ❤\uFE0F')).toBe('love ❤\uFE0F');
  });

  // The same key as a visible tag, so the invisible variant would be the one stored and sent.
  it.each(['billing\uFE0F', 'bil\uFE0Fling', 'bil\u200Dling', 'bil\u200Cling', 'billing\u{E0062}', '\u200Dbilling', 'billing\u{E0062}\u{E007F}', 'bil\uFE00ling'])(
    'stores %j without the joiner, selector or tag character that means nothing there',
    (tag) => {
      expect(normaliseTag(tag)).toBe('billing');
      expect(normaliseTags([tag])).toEqual(['billing']);
    },
  );

  it.each([
    ['Greek letters', 'αβ\u200Dγ', 'αβγ'],
    ['Cyrillic letters', 'пр\u200Cивет', 'привет'],
    ['a digit', '1\uFE0F', '1'],
    ['a keycap base without its keycap', '#\uFE0F!', '#!'],
    ['an emoji followed by a letter', '👩\u200Da', '👩a'],
    ['a second selector after an emoji', '❤\uFE0F\uFE0F', '❤\uFE0F'],
    ['another emoji than the black flag', '🏳\u{E0067}\u{E0062}\u{E007F}', '🏳'],
    ['a flag sequence without its end', '🏴\u{E0067}\u{E0062}', '🏴'],
    ['a Latin letter (ideographic and Mongolian selectors)', 'a\u{E0100}b\u180B', 'ab'],
  ])('drops the joiner, selector or tag character of %s', (_kind, tag, stored) => {
    expect(normaliseTag(tag)).toBe(stored);
  });

  it.each([
    ['a ZWJ sequence', '👩\u200D💻'],
    ['a ZWJ sequence with a skin tone', '👩\u{1F3FD}\u200D💻'],
    ['a ZWJ sequence with a selector', '🏳\uFE0F\u200D🌈'],
    ['an emoji with its selector', 'love ❤\uFE0F'],
    ['a text-style emoji', '☺\uFE0E'],
    ['a keycap', '#\uFE0F\u20E3 1\uFE0F\u20E3'],
    ['a subdivision flag', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'],
    ['Persian with ZWNJ', 'می\u200Cخواهم'],
    ['Arabic with ZWJ', 'ل\u200Dا'],
    ['Devanagari with ZWJ after a virama', 'क\u094D\u200Dष'],
    ['Malayalam with ZWNJ', 'ന\u0D4D\u200Cന'],
    ['a CJK ideographic variation sequence', '葛\u{E0100}城'],
    ['a Mongolian free variation selector', 'ᠠᠨ\u180B'],
    ['a ZWJ sequence with a hair component', '👨\u200D🦰'],
  ])('keeps the joiners and selectors of %s', (_kind, tag) => {
    expect(normaliseTag(tag)).toBe(tag);
  });

  it('keeps one joiner of a doubled one in Persian', () => {
    expect(normaliseTag('می\u200C\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(normaliseTag('می\u200B\u200Cخواهم')).toBe('می\u200Cخواهم');
  });

  it.each(['\u{1D159}', '\u0300', '\u0300\u0301', ' \u{1D159}\u0300\u200B'])('counts %j as blank', (tag) => {
    expect(tagKey(tag)).toBe('');
    expect(normaliseTags([tag])).toEqual([]);
    expect(issues({ tags: [tag] }, { requireTags: true })).toEqual({ tags: 'tags-required' });
  });

  it('counts tags differing only in invisible characters, bidi controls or case as one', () => {
    expect(normaliseTags(['vip', 'v\u200Bip', '\u202EVIP\u202C', 'VIP\u2060', '\u2066vip\u2069'])).toEqual(['vip']);
    expect(normaliseTags(['👩\u200D💻', '👩💻'])).toEqual(['👩\u200D💻']);
    expect(tagKey('Caf\u00E9')).toBe(tagKey('CAFE\u0301'));
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
    it.each(['josé@exemplo.com.br', '用户@例子.广告', 'info@bücher.de', 'info@bu\u0308cher.de', 'test@xn--bcher-kva.de', 'x@example.xn--p1ai', 'θσερ@εχαμπλε.ψομ', 'δοκιμή@παράδειγμα.δοκιμή', 'अजय@डाटा.भारत'])(
      'accepts the internationalised address %j',
      (transcriptEmail) => {
        expect(isValidEmail(transcriptEmail)).toBe(true);
        expect(issues({ ...sending, transcriptEmail })).toEqual({});
      },
    );
    it.each([
      'a\u200B@example.com',
      'a@exa\u00ADmple.com',
      'a\u202E@example.com',
      'a@example\u2066.com',
      '\u200Ea@example.com',
      '\u3164@example.com',
      'a\uFE0F@example.com',
      'a\u00A0b@example.com',
      'a@example.com\r\nBcc: x@evil.com',
      'a\u0000@example.com',
      'a\u2028b@example.com',
      'emoji😀@example.com',
      'x@example.xn--',
    ])('refuses the address with a hidden or stray character %j', (transcriptEmail) => {
      expect(issues({ ...sending, transcriptEmail })).toEqual({ transcriptEmail: 'email-invalid' });
    });
    it('puts the subject on one line', () => {
      expect(parse({ ...sending, transcriptEmail: 'a@b.co', transcriptSubject: 'Hi\r\nBcc: x@evil.com' }).transcriptSubject).toBe('Hi Bcc: x@evil.com');
      expect(parse({ ...sending, transcriptEmail: 'a@b.co', transcriptSubject: ' a\n\n\tb\u2028c\u2029\u0085d\u0000 ' }).transcriptSubject).toBe('a b c d');
    });
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

  it('sends a one-line subject and no bad address, even from unvalidated values', () => {
    const values = { ...parse({}), sendTranscript: true, transcriptEmail: ' a@b.co ', transcriptSubject: 'Hi\r\n\r\nBcc: x@evil.com\u2028' };
    expect(toCloseRoomRequest('room-1', values).transcriptEmail).toEqual({ sendToVisitor: true, requestData: { email: 'a@b.co', subject: 'Hi Bcc: x@evil.com' } });
    expect(toCloseRoomRequest('room-1', { ...values, transcriptEmail: 'a@b.co\r\nBcc: x@evil.com' })).toEqual({ rid: 'room-1' });
  });

  it('never sends sendToVisitor: true without requestData, even from unvalidated values', () => {
    const body = toCloseRoomRequest('room-1', { ...parse({}), sendTranscript: true, transcriptEmail: '' });
    expect(body).toEqual({ rid: 'room-1' });
  });
});
