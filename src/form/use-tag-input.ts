import { useCallback, useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { formatMessage } from '../i18n/messages';
import { normaliseTag, tagKey } from '../schema/close-room-form-schema';
import { cx } from '../utils/cx';
import type { TagInputState, UseTagInputOptions } from './tag-input-state';

/** Most suggestions shown at once: enough to choose from, few enough to render in one frame. */
const MAX_OPTIONS = 50;

/** What separates the tags of a paste. */
const SEPARATORS = /[,\r\n]+/;

// Lower-cased once per suggestion list and kept while the list lives, not on every open of the
// dialog nor on every keystroke: thousands of tags (#6). Only computed once the list opens.
const lowerCache = new WeakMap<readonly string[], string[]>();
function lowerCased(suggestions: readonly string[]): string[] {
  let lowered = lowerCache.get(suggestions);
  if (!lowered) {
    lowered = suggestions.map((tag) => tag.toLocaleLowerCase());
    lowerCache.set(suggestions, lowered);
  }
  return lowered;
}

// Guarded: jsdom, where many hosts run their tests, has no scrollIntoView.
const scrollIntoView = (element: HTMLElement | null) => element?.scrollIntoView?.({ block: 'nearest' });

const fill = (template: string, tag: string) => formatMessage(template, { tag });

// A layout effect in the browser, where it runs before anything can be clicked; a plain effect on a
// server, where React 18 warns about layout effects (and neither runs).
const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/** The option equal to `query` (lower-cased), else the first starting with it, else the first. */
function bestMatch(options: readonly string[], query: string): number {
  const lower = options.map((option) => option.toLocaleLowerCase());
  const equal = lower.indexOf(query);
  if (equal >= 0) return equal;
  return Math.max(0, lower.findIndex((option) => option.startsWith(query)));
}

/**
 * A tag input's behaviour on the WAI-ARIA combobox pattern, without markup: chips for the chosen
 * tags, a text input that adds on Enter or comma (or a paste with separators), and a list of
 * suggestions driven by the arrow keys. Call it in the component that renders the input, so only
 * that component re-renders as the agent types.
 */
export function useTagInput({
  id,
  value,
  onChange,
  suggestions = [],
  onTextChange,
  defaultText = '',
  messages,
  describedBy,
  invalid,
  required,
  onBlur,
  inputRef,
  readOnly = false,
}: UseTagInputOptions): TagInputState {
  const baseId = useId();
  const listboxId = `${baseId}-listbox`;
  const problemId = `${baseId}-problem`;
  const [text, setText] = useState(defaultText);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  // Typing stays immediate; the list catches up at React's lower priority.
  const query = useDeferredValue(text.trim().toLocaleLowerCase());
  // The keys of the chosen tags, computed once the list first needs them and kept while the tags
  // stay the same: not thousands of normalisations on every keystroke.
  const chosenKeys = useMemo(() => {
    let keys: Set<string> | undefined;
    return () => (keys ??= new Set(value.map(tagKey)));
  }, [value]);
  const options = useMemo(() => {
    if (!open || readOnly) return [];
    const chosen = chosenKeys();
    const found: string[] = [];
    const lowered = lowerCased(suggestions);
    for (let position = 0; position < suggestions.length; position += 1) {
      const lower = lowered[position] ?? '';
      const suggestion = suggestions[position] ?? '';
      if (lower.includes(query) && !chosen.has(tagKey(suggestion))) found.push(suggestion);
      if (found.length === MAX_OPTIONS) break;
    }
    return found;
  }, [suggestions, query, chosenKeys, open, readOnly]);
  const expanded = open && options.length > 0;
  // While the agent types, the best match is highlighted, as in a list-autocomplete combobox: the
  // suggestion equal to the text (ignoring case), else the first that starts with it, else the
  // first. Enter takes it; comma adds exactly what was typed (#14.6). Arrows move from there.
  const typedMatch = expanded && query !== '' ? bestMatch(options, query) : -1;
  const activeOption = expanded && active >= 0 && active < options.length ? active : typedMatch;

  // The active option follows the arrow keys into view, in the list and in the dialog around it.
  useEffect(() => {
    if (activeOption >= 0) scrollIntoView(document.getElementById(`${listboxId}-${activeOption}`));
  }, [activeOption, listboxId]);
  // The list opens below the input, in the flow: it may fall under the fold of a scrolling dialog.
  useEffect(() => {
    if (expanded) scrollIntoView(document.getElementById(listboxId));
  }, [expanded, listboxId]);

  // A live region says nothing when its text does not change: the same refusal twice in a row
  // alternates a trailing no-break space, which screen readers do not read.
  const announce = (said: string) => setAnnouncement((current) => (current === said ? `${said}\u00A0` : said));

  /** Adds `candidates`; `consumed` when they hold all of the input's text (a paste). */
  function add(candidates: string[], consumed = false) {
    if (readOnly) return;
    // One pass with a set of keys: thousands of pasted tags stay linear (20,000 took 21 s when each
    // tag was compared with every other and copied the list).
    const keys = new Set(value.map(tagKey));
    let refused: string | null = null;
    const added: string[] = [];
    for (const candidate of candidates) {
      const tag = normaliseTag(candidate);
      const key = tagKey(tag);
      if (!key) {
        refused = messages.tagBlank;
      } else if (keys.has(key)) {
        refused = fill(messages.tagDuplicate, tag);
      } else {
        keys.add(key);
        added.push(tag);
      }
    }
    // Keep what was typed when it was refused, so the agent can fix it; a paste turned all of the
    // text into tags or duplicates of chips, so nothing of it is left to fix. Cleared before the
    // tags change: a form validating on that change must not find the text still pending.
    if (!refused || consumed) {
      setText('');
      onTextChange?.('');
    }
    if (added.length > 0) onChange([...value, ...added]);
    // A few tags are named; a paste of many is counted, not read out tag by tag.
    const said = added.length > 3 ? [formatMessage(messages.tagsAdded, { count: added.length })] : added.map((tag) => fill(messages.tagAdded, tag));
    if (refused) said.push(refused);
    if (said.length > 0) announce(said.join(' '));
    setProblem(refused);
    setActive(-1);
  }

  function remove(tag: string) {
    if (readOnly) return;
    onChange(value.filter((existing) => existing !== tag));
    setAnnouncement(fill(messages.tagRemoved, tag));
    setProblem(null);
    document.getElementById(id)?.focus();
  }

  // One handler for the life of the input, calling the latest `remove`: memoised chips stay so.
  const removeRef = useRef(remove);
  useBrowserLayoutEffect(() => {
    removeRef.current = remove;
  });
  const removeTag = useCallback((tag: string) => removeRef.current(tag), []);
  const removeTemplate = messages.tagRemove;
  const removeLabel = useCallback((tag: string) => fill(removeTemplate, tag), [removeTemplate]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // An input method composing text (Japanese, Chinese…) confirms with Enter: not a tag yet.
    if (event.nativeEvent.isComposing || event.key === 'Process') return;
    const { key } = event;
    if (key === 'Enter' && (event.ctrlKey || event.metaKey)) return; // the form's submit shortcut
    if (readOnly) {
      // Nothing is added, and Enter does not submit the form through the input either.
      if (key === 'Enter' || key === ',') event.preventDefault();
      return;
    }
    if (key === 'Enter' || key === ',') {
      event.preventDefault();
      if (event.repeat) return; // Enter held down adds once
      const chosen = activeOption >= 0 ? options[activeOption] : undefined;
      if (key === ',' && text.trim() !== '') add([text]);
      else if (chosen !== undefined) add([chosen]);
      else if (text !== '') add([text]);
      setOpen(false);
    } else if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const count = options.length;
      if (count === 0) return;
      // From the highlighted option, which may be the typed match rather than one moved to.
      const from = activeOption;
      setActive(key === 'ArrowDown' ? (from + 1) % count : from < 0 ? count - 1 : (from - 1 + count) % count);
    } else if (key === 'Escape' && expanded) {
      // A dialog around it sees this key too and leaves itself open while the list is open.
      setOpen(false);
      setActive(-1);
    } else if (key === 'Backspace' && text === '' && value.length > 0) {
      const last = value[value.length - 1];
      if (last !== undefined) remove(last);
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    if (readOnly) return;
    const pasted = event.clipboardData.getData('text');
    // Without a separator the browser inserts it, as typing would.
    if (!/[,\r\n]/.test(pasted)) return;
    event.preventDefault();
    // The paste replaces the selection, or goes in at the cursor, as a browser's own paste would.
    const input = event.currentTarget;
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    const whole = input.value.slice(0, start) + pasted + input.value.slice(end);
    // Empty pieces between separators are dropped quietly, as a blank-looking one (zero-width...),
    // when others are added; with nothing but those the paste is refused as a blank tag, and what
    // was typed stays as it was.
    const tags = whole.split(SEPARATORS).filter((part) => tagKey(part) !== '');
    if (tags.length > 0) {
      add(tags, true);
    } else {
      setProblem(messages.tagBlank);
      announce(messages.tagBlank);
      setActive(-1);
    }
  }

  return {
    tags: value,
    removeTag,
    removeLabel,
    inputProps: {
      ref: inputRef,
      id,
      type: 'text',
      role: 'combobox',
      autoComplete: 'off',
      'aria-autocomplete': 'list',
      'aria-expanded': expanded,
      'aria-controls': expanded ? listboxId : undefined,
      'aria-activedescendant': activeOption >= 0 ? `${listboxId}-${activeOption}` : undefined,
      'aria-invalid': invalid || undefined,
      'aria-required': required || undefined,
      'aria-describedby': cx(describedBy, problem && problemId),
      readOnly,
      value: text,
      onChange: (event) => {
        if (readOnly) return;
        setText(event.target.value);
        onTextChange?.(event.target.value);
        setOpen(true);
        setActive(-1);
        setProblem(null);
      },
      onKeyDown,
      onPaste,
      onBlur: () => {
        // Blurred by a press elsewhere (a button below the list): close the list once the press
        // is over, so the layout does not move under the pointer and the click lands where aimed.
        const close = () => setOpen(false);
        if (document.querySelector(':active')) document.addEventListener('pointerup', () => setTimeout(close, 0), { once: true });
        else close();
        onBlur?.();
      },
    },
    expanded,
    listboxProps: { id: listboxId, role: 'listbox', 'aria-label': messages.tagSuggestions },
    options,
    getOptionProps: (index) => ({
      id: `${listboxId}-${index}`,
      role: 'option',
      'aria-selected': index === activeOption,
      // mousedown, not click: keep focus in the input
      onMouseDown: (event) => {
        event.preventDefault();
        const tag = options[index];
        if (tag !== undefined) add([tag]);
        setOpen(false);
      },
    }),
    problem,
    problemId,
    announcement,
    readOnly,
  };
}
