/**
 * True while an input method (Japanese IME) is composing: the key belongs to the conversion, not to
 * Koma. Chromium reports `isComposing`; the keydown that starts or ends a composition can arrive
 * with keyCode 229 only, so both are checked.
 */
export function isComposing(event: { isComposing?: boolean; keyCode?: number; nativeEvent?: { isComposing?: boolean } }): boolean {
  return event.isComposing === true || event.nativeEvent?.isComposing === true || event.keyCode === 229;
}
