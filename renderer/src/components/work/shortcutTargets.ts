/** Elements the workspace shortcuts move focus to, marked with `data-shortcut-target`. */
export type ShortcutTarget =
  | 'search'
  | 'list'
  | 'notes'
  | 'prepNotes'
  | 'callbackAt'
  | 'recycleReason'
  | 'excludeReason'
  | 'bant-budget'
  | 'bant-authority'
  | 'bant-need'
  | 'bant-timeline'
  | 'script';

const focusable = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Focuses the element marked for a shortcut — or, for a group such as a BANT section, its first
 * control — without scrolling the app shell (the nearest scroll area brings it into view);
 * false when it is not on screen.
 */
export function focusShortcutTarget(target: ShortcutTarget): boolean {
  const marked = document.querySelector<HTMLElement>(`[data-shortcut-target="${target}"]`);
  if (!marked) return false;
  const element = marked.matches(focusable) || marked.tabIndex >= 0 ? marked : (marked.querySelector<HTMLElement>(focusable) ?? marked);
  element.focus({ preventScroll: true });
  element.scrollIntoView?.({ block: 'nearest' });
  return true;
}

/** Focuses it once React has rendered the state change that shows it. */
export function focusShortcutTargetSoon(target: ShortcutTarget): void {
  setTimeout(() => focusShortcutTarget(target), 0);
}

const nonTextInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color', 'image']);

/** True where a keystroke is text being typed, so single-key shortcuts must stay quiet. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !nonTextInputs.has(target.type);
}
