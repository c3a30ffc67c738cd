// The same measuring functions for both pages, so the figures compare like with like.

/** Resolves after the next frame has been painted. */
export const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error('bench: condition not met in time');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Types into an input or textarea as a keystroke does: native value setter, then `input`. */
export function typeInto(element: HTMLInputElement | HTMLTextAreaElement, text: string) {
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  // The prototype's setter, not `element.value =`: React tracks the latter and would skip the event.
  Reflect.set(prototype, 'value', text, element);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Records when the next request leaves, and answers it at once as Rocket.Chat would. */
export function interceptFetch(): { sentAt: () => number | undefined; reset: () => void } {
  let sentAt: number | undefined;
  window.fetch = () => {
    sentAt = performance.now();
    return Promise.resolve(new Response('{"success":true}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
  };
  return { sentAt: () => sentAt, reset: () => (sentAt = undefined) };
}

/** Timestamps of the first moment `condition` holds after a DOM change (MutationObserver). */
function whenDom(condition: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    if (condition()) {
      resolve(performance.now());
      return;
    }
    const observer = new MutationObserver(() => {
      if (!condition()) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

/** Resolves as soon as an element matching `matches` takes focus (event-driven, no polling). */
export function focusOf(matches: (element: Element) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (document.activeElement && matches(document.activeElement)) {
      resolve();
      return;
    }
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof Element && matches(event.target)) {
        document.removeEventListener('focusin', onFocus, true);
        resolve();
      }
    };
    document.addEventListener('focusin', onFocus, true);
  });
}

let focusedAt = 0;
document.addEventListener('focusin', () => (focusedAt = performance.now()), true);

export interface OpenTimes {
  /** Click to the comment focused (the dialog mounted, laid out, focus moved). */
  focused: number;
  /** Click to the first frame painted after that. */
  painted: number;
}

export interface BenchPage {
  /** Clicks the trigger; resolves once the comment is focused. */
  open(): Promise<void>;
  close(): Promise<void>;
  comment(): HTMLTextAreaElement;
  tagInput(): HTMLInputElement;
  /** Options currently listed. */
  options(): string[];
  submitButton(): HTMLButtonElement;
  /**
   * Moves on to another open room: a room this page closed stays closed (the form says so at
   * once), so each submit is measured on a fresh one. Absent where nothing remembers (the floor).
   */
  newRoom?(): void;
}

declare global {
  interface Window {
    bench: {
      open(): Promise<OpenTimes>;
      close(): Promise<void>;
      /** Per keystroke: ms of the input event's handling (synchronous script), one keystroke. */
      typeComment(text: string): number;
      /** One keystroke in the tag input to the updated list in the DOM, and painted. */
      typeTag(text: string): Promise<{ updated: number; painted: number }>;
      /** Click on submit to the request leaving. */
      submit(): Promise<number>;
      /** The page's `newRoom`, or nothing. */
      newRoom(): void;
      ready: boolean;
    };
  }
}

export function install(page: BenchPage) {
  const network = interceptFetch();
  window.bench = {
    ready: true,
    async open() {
      focusedAt = 0;
      const start = performance.now();
      await page.open();
      const focused = focusedAt - start;
      await afterPaint();
      return { focused, painted: performance.now() - start };
    },
    close: () => page.close(),
    newRoom: () => page.newRoom?.(),
    typeComment(text) {
      const start = performance.now();
      typeInto(page.comment(), text);
      return performance.now() - start;
    },
    async typeTag(text) {
      const query = text.toLowerCase();
      const listed = () => {
        const options = page.options();
        return text === '' ? true : options.length > 0 && options.every((option) => option.toLowerCase().includes(query));
      };
      const start = performance.now();
      const updated = whenDom(listed);
      typeInto(page.tagInput(), text);
      const at = await updated;
      await afterPaint();
      return { updated: at - start, painted: performance.now() - start };
    },
    async submit() {
      network.reset();
      const start = performance.now();
      page.submitButton().click();
      await until(() => network.sentAt() !== undefined);
      return (network.sentAt() ?? start) - start;
    },
  };
}
