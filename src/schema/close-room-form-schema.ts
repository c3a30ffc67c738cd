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

/** The server rules `createCloseRoomFormSchema` checks. */
export interface CloseRoomFormSchemaOptions {
  /** Refuse an empty or whitespace-only comment (Rocket.Chat's default server setting). @default false */
  requireComment?: boolean;
  /** Refuse closing without at least one tag (the department's `requestTagBeforeClosingChat`). @default false */
  requireTags?: boolean;
}

// Characters a tag is stored without: default-ignorable ones (zero-width space, word joiner, BOM,
// soft hyphen, Hangul fillers, bidi controls that would reorder a chip...). Joiners, variation
// selectors and tag characters are left for `keepInContext`, which keeps them only where they mean
// something. `u`, not `v`: the build targets ES2022.
const MEANINGLESS = /(?![\u200C\u200D\p{Variation_Selector}\u{E0020}-\u{E007F}])\p{Default_Ignorable_Code_Point}/gu;
const CONTEXTUAL = /[\u200C\u200D\p{Variation_Selector}\u{E0020}-\u{E007F}]/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
// Line breaks and other control characters, the blank Braille pattern and the musical null
// notehead (both drawn as nothing) count as spaces.
const SPACE_LIKE = /[\p{Cc}\u2028\u2029\u2800\u{1D159}]/gu;

const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
// What may follow an emoji before a ZWJ: skin tone, presentation selector, keycap, tag characters.
const EMOJI_TRAIL = /^(?:[\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]|\uFE0E|\uFE0F|\u20E3)$/u;
// Letters (and their marks: a virama) of the scripts whose words use ZWNJ and ZWJ: the cursive
// joining ones (Arabic, Persian, Urdu, Syriac, N'Ko, Mongolian...) and the Brahmic ones of South
// and Southeast Asia. Not Latin, Greek or Cyrillic, where they only make two spellings of a word.
// Scripts from Unicode 9 or older: an unknown script name would throw where the bundle loads.
const JOINING_SCRIPT =
  /^(?=[\p{L}\p{M}])[\p{scx=Arab}\p{scx=Syrc}\p{scx=Mand}\p{scx=Mani}\p{scx=Phlp}\p{scx=Nkoo}\p{scx=Mong}\p{scx=Phag}\p{scx=Adlm}\p{scx=Deva}\p{scx=Beng}\p{scx=Guru}\p{scx=Gujr}\p{scx=Orya}\p{scx=Taml}\p{scx=Telu}\p{scx=Knda}\p{scx=Mlym}\p{scx=Sinh}\p{scx=Tibt}\p{scx=Mymr}\p{scx=Khmr}\p{scx=Lana}\p{scx=Bali}\p{scx=Java}\p{scx=Sund}]$/u;
const MONGOLIAN_LETTER = /^(?=\p{L})\p{scx=Mong}$/u;
const IDEOGRAPH = /^\p{Ideographic}$/u;
const KEYCAP_BASE = /^[0-9#*]$/u;
const isTagCharacter = (char: string) => char >= '\u{E0020}' && char <= '\u{E007E}';

/** Whether the characters kept so far end in an emoji, maybe with a skin tone or selector. */
function endsInEmoji(kept: readonly string[]): boolean {
  let index = kept.length - 1;
  while (index >= 0 && EMOJI_TRAIL.test(kept[index] ?? '')) index -= 1;
  return PICTOGRAPH.test(kept[index] ?? '');
}

/**
 * Keeps a joiner, variation selector or tag character only where it changes what is shown:
 * ZWJ inside an emoji sequence (👩‍💻), ZWNJ and ZWJ between letters of the scripts that need
 * them (Persian می‌خواهم, Devanagari क्‍ष), FE0E/FE0F after an emoji or in a keycap (#️⃣), an
 * ideographic variation selector after an ideograph, a Mongolian one after a Mongolian letter,
 * and tag characters in a subdivision flag (🏴 + tags + cancel tag). Elsewhere each is invisible
 * litter that would make the stored tag differ from the one it looks like ("billing\uFE0F").
 */
function keepInContext(text: string): string {
  if (!CONTEXTUAL.test(text)) return text;
  const chars = Array.from(text);
  const kept: string[] = [];
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index] ?? '';
    const previous = kept[kept.length - 1] ?? '';
    if (char === ZWNJ || char === ZWJ) {
      // A run of joiners is judged as one, by the characters around it.
      let end = index;
      while (chars[end + 1] === ZWNJ || chars[end + 1] === ZWJ) end += 1;
      const next = chars[end + 1] ?? '';
      if (chars.slice(index, end + 1).includes(ZWJ) && endsInEmoji(kept) && PICTOGRAPH.test(next)) {
        kept.push(ZWJ);
      } else if (JOINING_SCRIPT.test(previous) && JOINING_SCRIPT.test(next)) {
        for (let position = index; position <= end; position += 1) {
          if (chars[position] !== kept[kept.length - 1]) kept.push(chars[position] ?? '');
        }
      }
      index = end;
    } else if (char === '\uFE0E' || char === '\uFE0F') {
      if (PICTOGRAPH.test(previous) || (char === '\uFE0F' && KEYCAP_BASE.test(previous) && chars[index + 1] === '\u20E3')) kept.push(char);
    } else if (char >= '\u{E0100}' && char <= '\u{E01EF}') {
      if (IDEOGRAPH.test(previous)) kept.push(char);
    } else if (char === '\u{1F3F4}') {
      kept.push(char);
      let end = index + 1;
      while (isTagCharacter(chars[end] ?? '')) end += 1;
      if (end > index + 1 && chars[end] === '\u{E007F}') {
        kept.push(...chars.slice(index + 1, end + 1));
        index = end;
      }
    } else if (CONTEXTUAL.test(char)) {
      // Mongolian free variation selectors; other selectors (FE00–FE0D) and stray tag characters go.
      if (char >= '\u180B' && char <= '\u180F' && MONGOLIAN_LETTER.test(previous)) kept.push(char);
    } else {
      kept.push(char);
    }
  }
  return kept.join('');
}

/** A tag as stored: NFC, invisible litter and bidi controls removed, spaces collapsed and trimmed. */
export function normaliseTag(tag: string): string {
  return keepInContext(tag.normalize('NFC').replace(SPACE_LIKE, ' ').replace(MEANINGLESS, ''))
    .replace(/\s+/gu, ' ')
    .trim();
}

// Something other than spaces and combining marks: a mark alone is drawn on nothing.
const VISIBLE = /[^\s\p{M}]/u;

// The key of a tag already normalised: without any default-ignorable character, in lower case;
// empty for a tag that looks blank.
function keyOf(normalised: string): string {
  const key = normalised.replace(IGNORABLE, '').toLocaleLowerCase();
  return VISIBLE.test(key) ? key : '';
}

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

export { isValidEmail } from './email';
import { isValidEmail } from './email';

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

/** The type of the `zod/mini` schema `createCloseRoomFormSchema` builds. */
export type CloseRoomFormSchema = ReturnType<typeof createCloseRoomFormSchema>;
/** What the form holds while the agent types. */
export type CloseRoomFormInput = z.input<CloseRoomFormSchema>;
/** What a successful parse gives: tags normalised, e-mail trimmed, subject on one trimmed line. */
export type CloseRoomFormValues = z.output<CloseRoomFormSchema>;

/** The transcript e-mail's subject when the agent leaves it as it is (Rocket.Chat's own default text). */
export const DEFAULT_TRANSCRIPT_SUBJECT = 'Transcript of your livechat conversation';

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
