/**
 * A ref callback for a button that appears when the flow ends (Dismiss): focuses it, so keyboard
 * users are not dropped to `<body>` when it replaces the focused submit button, unless the agent
 * is typing in a text field. A room found closed (by a colleague, another tab) while the agent
 * types would otherwise send the next Space or Enter to that button. `CloseRoomForm` uses it.
 */
export function focusUnlessTyping(button: HTMLElement | null): void {
  const active = document.activeElement;
  const typing = active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && active.type !== 'checkbox') || (active instanceof HTMLElement && active.isContentEditable);
  if (button && !typing) button.focus();
}
