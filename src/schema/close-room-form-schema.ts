// zod/mini, not the classic `z` namespace: the classic build pulls every locale into a host's
// bundle (over 80 KB gzipped), mini stays tree-shakable (issue #2, size budget in #6).
import * as z from 'zod/mini';
import type { CloseRoomRequest } from '../client/close-room';

/**
 * Codes the schema puts in `message` of its issues. The UI looks them up in its message
 * catalogue; headless callers can use `defaultMessages` from this package or their own texts.
 */
export type CloseRoomFormErrorCode =
  | 'comment-required'
  | 'tags-required'
  | 'email-required'
  | 'email-invalid'
  | 'subject-required';

export interface CloseRoomFormSchemaOptions {
  /** Refuse an empty or whitespace-only comment (Rocket.Chat's default server setting). @default false */
  requireComment?: boolean;
  /** Refuse closing without at least one tag (the department's `requestTagBeforeClosingChat`). @default false */
  requireTags?: boolean;
}

// Characters a tag is stored without: default-ignorable ones (zero-width space, word joiner, BOM,
// soft hyphen, Hangul fillers, bidi controls that would reorder a chip...) except those that carry
// meaning inside a word or an emoji: ZWNJ and ZWJ (Persian text, 👩‍💻), variation selectors and
// the tag characters of subdivision flags. `u`, not `v`: the build targets ES2022.
const MEANINGLESS = /(?![\u200C\u200D\p{Variation_Selector}\u{E0020}-\u{E007F}])\p{Default_Ignorable_Code_Point}/gu;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
// Line breaks and other control characters, and the blank Braille pattern, count as spaces.
const SPACE_LIKE = /[\p{Cc}\u2028\u2029\u2800]/gu;
// A joiner or selector only means something next to a character: at an end, or beside a space, it
// is invisible litter that would make two equal-looking tags differ.
const ORPHAN_MARKS = /(?<=^|\s)[\u200C\u200D\p{Variation_Selector}]+|[\u200C\u200D]+(?=\s|$)/gu;

/** A tag as stored: NFC, invisible litter and bidi controls removed, spaces collapsed and trimmed. */
export function normaliseTag(tag: string): string {
  return tag
    .normalize('NFC')
    .replace(SPACE_LIKE, ' ')
    .replace(MEANINGLESS, '')
    .replace(ORPHAN_MARKS, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

// The key of a tag already normalised: without any default-ignorable character, in lower case.
const keyOf = (normalised: string) => normalised.replace(IGNORABLE, '').toLocaleLowerCase();

/** What two tags must share to be the same tag: case, spaces and invisible characters do not count. An empty key is a blank tag. */
export const tagKey = (tag: string) => keyOf(normaliseTag(tag));

/** Normalises tags (`normaliseTag`), drops blanks and keeps the first spelling of tags with the same `tagKey`. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = normaliseTag(raw);
    const key = keyOf(tag);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

/** A subject on one line: a line break in a mail header would start a new header (Bcc: ...). */
export const singleLine = (text: string) => text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/\s{2,}/gu, ' ').trim();

// Practical address check (Rocket.Chat does none, so ours is the only one): a local part without
// leading, trailing or doubled dots, and a domain of labels ending in a TLD of 2+ letters or a
// punycode one. Letters, marks and digits of any script (internationalised addresses, RFC 6531),
// plus-addressing, subdomains and long TLDs are accepted.
const EMAIL =
  /^(?!\.)(?!.*\.\.)[\p{L}\p{M}\p{Nd}_.!#$%&'*+/=?^`{|}~-]+(?<!\.)@(?:[\p{L}\p{Nd}](?:[\p{L}\p{M}\p{Nd}-]{0,61}[\p{L}\p{M}\p{Nd}])?\.)+(?:\p{L}[\p{L}\p{M}]{1,62}|xn--[a-z\d](?:[a-z\d-]{0,57}[a-z\d])?)$/iu;
// Nothing invisible in an address: no control (header injection), space, bidi control (an address
// that displays differently from what it is) or zero-width character, even where EMAIL's letter
// classes would let one in (Hangul fillers are letters, variation selectors are marks).
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}]/u;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && !INVISIBLE.test(value) && EMAIL.test(value);
}

/** Builds the form schema for the given server rules. */
export function createCloseRoomFormSchema(options: CloseRoomFormSchemaOptions = {}) {
  return z
    .object({
      comment: z.string(),
      tags: z.pipe(z.array(z.string()), z.transform((tags: string[]) => normaliseTags(tags))),
      sendTranscript: z.boolean(),
      transcriptEmail: z.pipe(z.string(), z.transform((value) => value.trim().normalize('NFC'))),
      transcriptSubject: z.pipe(z.string(), z.transform(singleLine)),
      generateTranscriptPdf: z.boolean(),
    })
    .check(
      z.superRefine((values, ctx) => {
        const issue = (path: keyof typeof values, message: CloseRoomFormErrorCode) =>
          ctx.addIssue({ code: 'custom', path: [path], message, input: values[path] });
        if (options.requireComment && !values.comment.trim()) issue('comment', 'comment-required');
        if (options.requireTags && values.tags.length === 0) issue('tags', 'tags-required');
        if (values.sendTranscript) {
          if (!values.transcriptEmail) issue('transcriptEmail', 'email-required');
          else if (!isValidEmail(values.transcriptEmail)) issue('transcriptEmail', 'email-invalid');
          if (!values.transcriptSubject) issue('transcriptSubject', 'subject-required');
        }
      }),
    );
}

/** The schema with no server rule switched on; use `createCloseRoomFormSchema` for the rules. */
// Marked pure so a host importing only the client tree-shakes zod away (#6).
export const closeRoomFormSchema = /* @__PURE__ */ createCloseRoomFormSchema();

export type CloseRoomFormSchema = ReturnType<typeof createCloseRoomFormSchema>;
/** What the form holds while the agent types. */
export type CloseRoomFormInput = z.input<CloseRoomFormSchema>;
/** What a successful parse gives: tags normalised, e-mail trimmed, subject on one trimmed line. */
export type CloseRoomFormValues = z.output<CloseRoomFormSchema>;

export const DEFAULT_TRANSCRIPT_SUBJECT = 'Transcript of your omnichannel conversation.';

/** Empty values, for `useForm({ defaultValues })`. */
export function emptyCloseRoomFormValues(overrides: Partial<CloseRoomFormInput> = {}): CloseRoomFormInput {
  return {
    comment: '',
    tags: [],
    sendTranscript: false,
    transcriptEmail: '',
    transcriptSubject: DEFAULT_TRANSCRIPT_SUBJECT,
    generateTranscriptPdf: false,
    ...overrides,
  };
}

/**
 * Builds the request body from parsed form values: only the server's fields, optional ones left
 * out rather than sent empty, and never `sendToVisitor: true` without `requestData`.
 */
export function toCloseRoomRequest(rid: string, values: CloseRoomFormValues): CloseRoomRequest {
  if (typeof rid !== 'string' || !rid.trim()) {
    throw new TypeError('toCloseRoomRequest needs the room id: rid must be a non-empty string');
  }
  const request: CloseRoomRequest = { rid };
  const comment = values.comment.trim();
  if (comment) request.comment = comment;
  const tags = normaliseTags(values.tags);
  if (tags.length > 0) request.tags = tags;
  if (values.generateTranscriptPdf) request.generateTranscriptPdf = true;
  const email = values.transcriptEmail.trim().normalize('NFC');
  const subject = singleLine(values.transcriptSubject);
  // Checked again: values may not have been through the schema, and the address is a mail header.
  if (values.sendTranscript && isValidEmail(email) && subject) {
    request.transcriptEmail = { sendToVisitor: true, requestData: { email, subject } };
  }
  return request;
}
