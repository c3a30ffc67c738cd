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
