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

/** What two tags must share to be the same tag: case and runs of spaces do not count. */
export const tagKey = (tag: string) => tag.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** Trims, drops blanks and keeps the first spelling of tags that differ only in case or spaces. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

// Practical address check (Rocket.Chat does none, so ours is the only one): a local part without
// leading, trailing or doubled dots, and a domain of letter/digit labels ending in a TLD of 2+
// letters. Accepts plus-addressing, subdomains and long TLDs.
const EMAIL = /^(?!\.)(?!.*\.\.)[\w.!#$%&'*+/=?^`{|}~-]+(?<!\.)@(?:[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?\.)+[a-z]{2,63}$/i;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** Builds the form schema for the given server rules. */
export function createCloseRoomFormSchema(options: CloseRoomFormSchemaOptions = {}) {
  return z
    .object({
      comment: z.string(),
      tags: z.pipe(z.array(z.string()), z.transform((tags: string[]) => normaliseTags(tags))),
      sendTranscript: z.boolean(),
      transcriptEmail: z.pipe(z.string(), z.transform((value) => value.trim())),
      transcriptSubject: z.pipe(z.string(), z.transform((value) => value.trim())),
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
/** What a successful parse gives: tags normalised, e-mail and subject trimmed. */
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
  const email = values.transcriptEmail.trim();
  const subject = values.transcriptSubject.trim();
  if (values.sendTranscript && email && subject) {
    request.transcriptEmail = { sendToVisitor: true, requestData: { email, subject } };
  }
  return request;
}
