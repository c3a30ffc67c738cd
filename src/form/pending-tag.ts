import { normaliseTag, tagKey } from '../schema/close-room-form-schema';

/**
 * The tag that `text`, left in a tag input without Enter or comma, would add: what a close must
 * not go without, unseen. `undefined` when it makes no tag (blank, invisible characters) or one
 * already in `tags`: nothing is lost then.
 */
export function pendingTag(text: string, tags: readonly string[]): string | undefined {
  const tag = normaliseTag(text);
  const key = tagKey(tag);
  return key && !tags.some((existing) => tagKey(existing) === key) ? tag : undefined;
}

/** The longest text quoted back in the message; a longer one ends in an ellipsis. */
const QUOTED_MAX = 60;

/**
 * `tag` as the message quotes it: isolated (FSI … PDI), so right-to-left text or an override in
 * it cannot reorder the sentence, and cut at 60 characters so that a pasted page does not fill
 * the dialog (or a screen reader's minute).
 */
export function quoteTag(tag: string): string {
  const characters = Array.from(tag);
  return `\u2068${characters.length > QUOTED_MAX ? `${characters.slice(0, QUOTED_MAX).join('')}…` : tag}\u2069`;
}
