// The floor: the same fields as plain HTML in a native <dialog>, a few lines of DOM code and
// fetch. No library. What the dialog would cost with nothing but the platform.
import '../src/styles.css';
import { afterPaint, focusOf, install } from './harness';
import { benchTags } from './tags';

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed getElementById
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const dialog = $<HTMLDialogElement>('dialog');
const comment = $<HTMLTextAreaElement>('comment');
const tagInput = $<HTMLInputElement>('tags');
const listbox = $<HTMLUListElement>('listbox');
const chips = $<HTMLUListElement>('chips');
const tags = benchTags();
const lower = tags.map((tag) => tag.toLowerCase());
const chosen: string[] = [];

$('trigger').addEventListener('click', () => {
  dialog.showModal();
  comment.focus();
});
$('cancel').addEventListener('click', () => dialog.close());
$('send').addEventListener('change', (event) => {
  $('transcript').hidden = !(event.target as HTMLInputElement).checked;
});

tagInput.addEventListener('input', () => {
  const query = tagInput.value.trim().toLowerCase();
  const items = document.createDocumentFragment();
  let count = 0;
  for (let index = 0; index < tags.length && count < 50; index += 1) {
    if (lower[index]?.includes(query)) {
      const option = document.createElement('li');
      option.role = 'option';
      option.className = 'rcou-tags__option';
      option.textContent = tags[index] ?? '';
      items.append(option);
      count += 1;
    }
  }
  listbox.replaceChildren(items);
  listbox.hidden = count === 0;
  tagInput.setAttribute('aria-expanded', String(count > 0));
});
tagInput.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const tag = tagInput.value.trim();
  if (!tag || chosen.some((existing) => existing.toLowerCase() === tag.toLowerCase())) return;
  chosen.push(tag);
  const chip = document.createElement('li');
  chip.textContent = tag;
  chips.append(chip);
  tagInput.value = '';
});

$<HTMLFormElement>('form').addEventListener('submit', (event) => {
  event.preventDefault();
  const body: Record<string, unknown> = { rid: 'room-1' };
  if (comment.value.trim()) body.comment = comment.value.trim();
  if (chosen.length > 0) body.tags = chosen;
  void fetch('/api/v1/livechat/room.closeByUser', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-User-Id': 'bench', 'X-Auth-Token': 'bench' },
    body: JSON.stringify(body),
  }).then((response) => {
    if (response.ok) dialog.close();
  });
});

install({
  async open() {
    const focused = focusOf((element) => element === comment);
    $('trigger').click();
    await focused;
  },
  async close() {
    dialog.close();
    await afterPaint();
  },
  comment: () => comment,
  tagInput: () => tagInput,
  options: () => (listbox.hidden ? [] : [...listbox.children].map((option) => option.textContent ?? '')),
  submitButton: () => dialog.querySelector('button[type="submit"]') as HTMLButtonElement,
});
