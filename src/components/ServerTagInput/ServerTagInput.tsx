import { useState } from 'react';
import { useLivechatTags } from '../../query/livechat-queries';
import { TagInput } from '../TagInput/TagInput';
import type { TagInputProps } from '../TagInput/TagInput';

export interface ServerTagInputProps extends Omit<TagInputProps, 'suggestions' | 'onTextChange'> {
  /** The room's department: its tags and the tags of every department are offered. */
  department?: string;
  /** Offered when the server has no tag list (community edition): the department's closing tags. */
  fallback: readonly string[];
  /** Search only once the department is known. @default true */
  enabled?: boolean;
}

/**
 * The tag input with suggestions searched on the server as the agent types (debounced, paged).
 * It owns the typed text, so only it re-renders per keystroke, not the form.
 */
export function ServerTagInput({ department, fallback, enabled = true, ...props }: ServerTagInputProps) {
  const [text, setText] = useState('');
  const { tags, available } = useLivechatTags({ department, text, enabled });
  return <TagInput {...props} suggestions={available ? tags : fallback} onTextChange={setText} />;
}
