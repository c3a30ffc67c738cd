import { memo } from 'react';
import { useTagInput } from '../../form/use-tag-input';
import type { TagInputState, UseTagInputOptions } from '../../form/tag-input-state';

export type { TagInputMessages } from '../../form/tag-input-state';

/** The tag input's props: `useTagInput`'s options. */
export type TagInputProps = UseTagInputOptions;

interface ChipsProps {
  tags: string[];
  label: string;
  removeLabel: TagInputState['removeLabel'];
  readOnly: boolean;
  onRemove: TagInputState['removeTag'];
}

// Memoised on the tags, the label and stable handlers: typing, opening the list or moving through
// it re-renders the input, not thousands of chips (2.4 s a keystroke after 20,000).
// Marked pure: a host importing only the hooks (useTagInput) drops the chips with the view.
const Chips = /* @__PURE__ */ memo(function Chips({ tags, label, removeLabel, readOnly, onRemove }: ChipsProps) {
  return (
    <ul className="rcou-tags__chips" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag} className="rcou-tags__chip">
          {/* Isolated: a right-to-left tag does not reorder its neighbours or the × button.
              The title shows a tag the ellipsis cut. */}
          <bdi className="rcou-tags__text" title={tag}>
            {tag}
          </bdi>
          {/* aria-disabled, not disabled: the button keeps its place in the tab order and its name. */}
          <button
            type="button"
            className="rcou-tags__remove"
            aria-label={removeLabel(tag)}
            aria-disabled={readOnly || undefined}
            onClick={readOnly ? undefined : () => onRemove(tag)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
});

/** The markup of a tag input's state (`useTagInput`, `useServerTagInput`). */
export function TagInputView({ state, invalid, label }: { state: TagInputState; invalid: boolean | undefined; label: string }) {
  return (
    <div className="rcou-tags" data-invalid={invalid || undefined}>
      {state.tags.length > 0 && <Chips tags={state.tags} label={label} removeLabel={state.removeLabel} readOnly={state.readOnly} onRemove={state.removeTag} />}
      <input {...state.inputProps} className="rcou-input rcou-tags__input" />
      {state.expanded && (
        <ul {...state.listboxProps} className="rcou-tags__listbox">
          {state.options.map((tag, position) => (
            <li key={tag} {...state.getOptionProps(position)} className="rcou-tags__option">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {state.problem && (
        <p id={state.problemId} className="rcou-field__error">
          {state.problem}
        </p>
      )}
      <span className="rcou-visually-hidden" role="status">
        {state.announcement}
      </span>
    </div>
  );
}

/**
 * A tag input on the WAI-ARIA combobox pattern: chips for the chosen tags, a text input that adds
 * on Enter or comma, and a listbox of suggestions driven by the arrow keys. A view of `useTagInput`.
 */
export function TagInput(props: TagInputProps) {
  return <TagInputView state={useTagInput(props)} invalid={props.invalid} label={props.messages.selectedTags} />;
}
