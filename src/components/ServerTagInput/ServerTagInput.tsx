import { useServerTagInput } from '../../form/use-server-tag-input';
import type { UseServerTagInputOptions } from '../../form/use-server-tag-input';
import { TagInputView } from '../TagInput/TagInput';

/** The server-searched tag input's props: `useServerTagInput`'s options. */
export type ServerTagInputProps = UseServerTagInputOptions;

/**
 * The tag input with suggestions searched on the server as the agent types (debounced, paged).
 * It owns the typed text, so only it re-renders per keystroke, not the form.
 */
export function ServerTagInput(props: ServerTagInputProps) {
  return <TagInputView state={useServerTagInput(props)} invalid={props.invalid} label={props.messages.selectedTags} />;
}
