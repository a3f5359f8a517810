/** Elements the workspace shortcuts move focus to, marked with `data-shortcut-target`. */
export type ShortcutTarget = 'search' | 'list' | 'notes' | 'prepNotes' | 'callbackAt' | 'recycleReason' | 'excludeReason';

/** Focuses the element marked for a shortcut; false when it is not on screen. */
export function focusShortcutTarget(target: ShortcutTarget): boolean {
  const element = document.querySelector<HTMLElement>(`[data-shortcut-target="${target}"]`);
  element?.focus();
  return element !== null;
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
