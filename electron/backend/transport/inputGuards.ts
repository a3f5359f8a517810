/**
 * Checks every payload must pass before its schema is even consulted, whatever the command:
 * - a lone UTF-16 surrogate cannot be stored as UTF-8 by SQLite (it becomes U+FFFD, silently
 *   changing what the rep typed) nor sent to a CRM as JSON that other parsers accept;
 * - a `__proto__` key (JSON.parse makes it an own property) would become the prototype of any
 *   object a handler builds by spreading or assigning records, so it is refused everywhere.
 * Returns a short description of the first problem, or null.
 */
export function payloadProblem(value: unknown, path = '(payload)', depth = 0): string | null {
  if (depth > 64) return `${path}: nested too deeply`;
  if (typeof value === 'string') return hasLoneSurrogate(value) ? `${path}: contains a broken character (a lone surrogate)` : null;
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = payloadProblem(value[i], `${path}.${i}`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return `${path}: the key "__proto__" is not allowed`;
    if (hasLoneSurrogate(key)) return `${path}: a key contains a broken character (a lone surrogate)`;
    const problem = payloadProblem((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    if (problem) return problem;
  }
  return null;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return loneSurrogate.test(text);
}

/**
 * Roughly how many bytes the payload takes as JSON (strings by their UTF-16 length, a few bytes per
 * other value): enough to hold a MessagePort request, which arrives already parsed, to the same
 * per-command limit the HTTP transport applies to the body's bytes. Stops counting past `limit`.
 */
export function payloadSize(value: unknown, limit: number): number {
  let size = 0;
  const walk = (v: unknown, depth: number): void => {
    if (size > limit || depth > 64) return;
    if (typeof v === 'string') size += v.length + 2;
    else if (Array.isArray(v)) {
      size += 2;
      for (const item of v) walk(item, depth + 1);
    } else if (typeof v === 'object' && v !== null) {
      size += 2;
      for (const [key, item] of Object.entries(v)) {
        size += key.length + 3;
        walk(item, depth + 1);
      }
    } else size += 8;
  };
  walk(value, 0);
  return size;
}
