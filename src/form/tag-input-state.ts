import type { ChangeEvent, ClipboardEvent, KeyboardEvent, MouseEvent, Ref } from 'react';
import type { CloseRoomMessages } from '../i18n/messages';

/** The catalogue's tag texts (see `CloseRoomMessages`). */
export type TagInputMessages = Pick<CloseRoomMessages, 'tagRemove' | 'selectedTags' | 'tagSuggestions' | 'tagDuplicate' | 'tagBlank' | 'tagAdded' | 'tagsAdded' | 'tagRemoved'>;

/** What `useTagInput` takes; `useCloseRoomForm` returns them ready as `fields.tags.props`. */
export interface UseTagInputOptions {
  /** The input's id, for the field's `<label htmlFor>`. */
  id: string;
  /** Current tags. */
  value: string[];
  /** Called with the whole new list. */
  onChange: (tags: string[]) => void;
  /** Offered while typing, filtered case-insensitively. Free tags stay allowed. @default [] */
  suggestions?: readonly string[];
  /** Called with the text being typed, for suggestions searched elsewhere (the server), and for the form to know what is not added yet. */
  onTextChange?: (text: string) => void;
  /** The text the input starts with (a draft's text not added as a tag). Read on mount. @default '' */
  defaultText?: string;
  /** The tag texts. */
  messages: TagInputMessages;
  /** Ids of mounted nodes that describe the input (hint, field error). */
  describedBy?: string;
  /** The field shows an error. @default false */
  invalid?: boolean;
  /** A tag is required. @default false */
  required?: boolean;
  /** Called when the input loses focus. */
  onBlur?: () => void;
  /** The text input, for focusing it (a prop rather than `ref`: React 18 hosts strip `ref`). */
  inputRef?: Ref<HTMLInputElement>;
  /**
   * While true the agent cannot change the tags, e.g. while a close is pending: the text input is
   * `readOnly`, the remove buttons are `aria-disabled` and do nothing, Enter/comma/Backspace/paste/
   * suggestions change nothing. Focus stays where it is. @default false
   */
  readOnly?: boolean;
}

/** Props to spread on the text `<input>`: the WAI-ARIA combobox wiring and its handlers. */
export interface TagInputElementProps {
  /** The options' `inputRef`. */
  ref: Ref<HTMLInputElement> | undefined;
  /** The options' `id`. */
  id: string;
  /** Always `'text'`. */
  type: 'text';
  /** Always `'combobox'`. */
  role: 'combobox';
  /** Always `'off'`: the suggestions are ours. */
  autoComplete: 'off';
  /** Always `'list'`. */
  'aria-autocomplete': 'list';
  /** The suggestion list is shown. */
  'aria-expanded': boolean;
  /** The list's id while it is shown. */
  'aria-controls': string | undefined;
  /** The highlighted option's id. */
  'aria-activedescendant': string | undefined;
  /** `true` while the field shows an error. */
  'aria-invalid': true | undefined;
  /** `true` when a tag is required. */
  'aria-required': true | undefined;
  /** The field's hint and error, and the refusal while one is shown. */
  'aria-describedby': string | undefined;
  /** The options' `readOnly`. */
  readOnly: boolean;
  /** The text being typed. */
  value: string;
  /** Follows the typing. */
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  /** Enter or comma adds, arrows move through the list, Escape closes it, Backspace removes the last tag. */
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** A paste with commas or line breaks adds each piece. */
  onPaste: (event: ClipboardEvent<HTMLInputElement>) => void;
  /** Closes the list. */
  onBlur: () => void;
}

/** Props to spread on one suggestion's `<li>`. */
export interface TagOptionProps {
  /** Referenced by the input's `aria-activedescendant`. */
  id: string;
  /** Always `'option'`. */
  role: 'option';
  /** The option is highlighted. */
  'aria-selected': boolean;
  /** Adds the tag; on mousedown, so focus stays in the input. */
  onMouseDown: (event: MouseEvent) => void;
}

/** The tag input's state, for any markup: chips, the text input, the suggestion list, messages. */
export interface TagInputState {
  /** The chosen tags (the options' `value`). */
  tags: string[];
  /** Removes a tag and returns focus to the input; stable, so memoised chips stay memoised. */
  removeTag: (tag: string) => void;
  /** The accessible name of a tag's remove button ("Remove tag billing"). */
  removeLabel: (tag: string) => string;
  /** Props for the text input. */
  inputProps: TagInputElementProps;
  /** Whether to render the suggestion list. */
  expanded: boolean;
  /** Props for the list's `<ul>`. */
  listboxProps: { id: string; role: 'listbox'; 'aria-label': string };
  /** The suggestions shown, at most 50. */
  options: readonly string[];
  /** Props for the option at `index` of `options`. */
  getOptionProps: (index: number) => TagOptionProps;
  /** Why the last entry was refused (blank, duplicate), or `null`. */
  problem: string | null;
  /** The id to put on the refusal's node (the input is described by it while it is shown). */
  problemId: string;
  /** What to put in a `role="status"` region: tags added, removed or refused. */
  announcement: string;
  /** The options' `readOnly`: the remove buttons are `aria-disabled` and do nothing. */
  readOnly: boolean;
}
