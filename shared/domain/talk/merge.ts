import { mergeFieldNames, type MergeFieldName, type MergeValues } from '../../contract/talk';

/** A piece of a merged text: plain words, a lead's value, or a field this lead lacks. */
export type MergedSegment<F extends string = MergeFieldName> = { kind: 'text'; text: string } | { kind: 'field'; field: F; value: string } | { kind: 'missing'; field: F };

const known: ReadonlySet<string> = new Set(mergeFieldNames);
// {{company}}, with spaces allowed inside the braces ({{ company }}); full-width braces are not fields.
const token = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/**
 * Splits a script text into words and merge fields filled from the lead. A field the lead has no
 * value for stays a visible `missing` segment (the screen shows a placeholder the rep notices),
 * never an empty string or "undefined"; an unknown name ({{foo}}) is left as the text written.
 */
export function mergeSegments(template: string, values: Partial<MergeValues>): MergedSegment[] {
  return mergeSegmentsOf(template, values, known);
}

/**
 * The same for another set of field names (the follow-up mail's adds {{appointment}} and
 * {{fieldRep}}): one merge for scripts and mail, each with the fields it knows.
 */
export function mergeSegmentsOf<F extends string>(template: string, values: Partial<Record<F, string | null>>, fields: ReadonlySet<string>): MergedSegment<F>[] {
  const out: MergedSegment<F>[] = [];
  const pushText = (text: string) => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += text;
    else out.push({ kind: 'text', text });
  };
  let at = 0;
  for (const m of template.matchAll(token)) {
    pushText(template.slice(at, m.index));
    at = m.index + m[0].length;
    const name = m[1]!;
    if (!fields.has(name)) {
      pushText(m[0]);
      continue;
    }
    const field = name as F;
    const value = values[field]?.trim();
    out.push(value ? { kind: 'field', field, value } : { kind: 'missing', field });
  }
  pushText(template.slice(at));
  return out;
}

/** The merged text as one string, each missing field written by `placeholder` (e.g. ［セミナー名］). */
export function mergeText(template: string, values: Partial<MergeValues>, placeholder: (field: MergeFieldName) => string): string {
  return joinSegments(mergeSegments(template, values), placeholder);
}

/** Merged segments as one string, each missing field written by `placeholder`. */
export function joinSegments<F extends string>(segments: readonly MergedSegment<F>[], placeholder: (field: F) => string): string {
  return segments.map((s) => (s.kind === 'text' ? s.text : s.kind === 'field' ? s.value : placeholder(s.field))).join('');
}

/** Names written as {{name}} that are not merge fields: the editor warns about them. */
export function unknownFields(template: string): string[] {
  return unknownFieldsOf(template, known);
}

/** The same against another set of field names. */
export function unknownFieldsOf(template: string, fields: ReadonlySet<string>): string[] {
  return [...new Set([...template.matchAll(token)].map((m) => m[1]!).filter((n) => !fields.has(n)))];
}
