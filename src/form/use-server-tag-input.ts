import { useState } from 'react';
import { useLivechatTags } from '../query/livechat-queries';
import { useTagInput } from './use-tag-input';
import type { TagInputState, UseTagInputOptions } from './tag-input-state';

const NO_TAGS: readonly string[] = [];

/** Where connected mode searches tags (`fields.tags.search` of `useCloseRoomForm`). */
export interface ServerTagSearch {
  /** The room's department: its tags and the tags of every department are offered. */
  department: string | undefined;
  /** Offered when the server has no tag list (community edition): the department's closing tags. */
  fallback: readonly string[];
  /** Search only once the department is known. */
  enabled: boolean;
}

/** What `useServerTagInput` takes: the tag field's props and where to search. */
export interface UseServerTagInputOptions extends Omit<UseTagInputOptions, 'suggestions'>, Partial<ServerTagSearch> {}

/**
 * `useTagInput` with suggestions searched on the server as the agent types (debounced, paged).
 * The typed text lives in the calling component, so only it re-renders per keystroke.
 */
export function useServerTagInput({ department, fallback = NO_TAGS, enabled = true, onTextChange, ...options }: UseServerTagInputOptions): TagInputState {
  const [text, setText] = useState(options.defaultText ?? '');
  const { tags, available } = useLivechatTags({ department, text, enabled });
  const textChanged = (next: string) => {
    setText(next);
    onTextChange?.(next);
  };
  return useTagInput({ ...options, suggestions: available ? tags : fallback, onTextChange: textChanged });
}
