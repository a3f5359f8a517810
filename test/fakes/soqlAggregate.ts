import type { FakeObject } from './fakeOrg';
import { SoqlError, type GroupItem, type SoqlQuery } from './soqlFake';

/**
 * SOQL aggregate queries as the fake Salesforce answers them: GROUP BY fields and date functions,
 * COUNT(field) and COUNT_DISTINCT(field), results as AggregateResult rows with unaliased
 * expressions named expr0, expr1… Each rule below cites the page it comes from; what the pages do
 * not allow is refused, so Koma's queries cannot lean on something the real API would not take.
 */

/**
 * "If your query results exceed 2,000 rows, change the filtering conditions to query data in
 * smaller chunks", and queries with GROUP BY "can't use the query locator to get more results"
 * (Considerations for GROUP BY:
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/api/sforce_api_calls_soql_select_group_by_considerations.htm).
 */
export const aggregateRowLimit = 2000;

export class SoqlFieldError extends SoqlError {}

export const isAggregateQuery = (q: SoqlQuery) => q.groupBy !== null || q.select.some((item) => item.kind !== 'field');

/**
 * The date functions: CALENDAR_YEAR, CALENDAR_MONTH (1 for January), DAY_IN_WEEK (1 for Sunday),
 * WEEK_IN_YEAR ("1 for January 1 through January 7" — not a Monday-based week) and DAY_ONLY
 * ("a date representing the day portion of a dateTime field", usable with dateTime fields only).
 * dateTime values are taken in UTC: "SOQL queries in a client application return dateTime field
 * values as Coordinated Universal Time (UTC) values" unless convertTimezone() is used (Date Functions:
 * https://developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-select-date-functions.html).
 */
function dateValue(fn: string, raw: unknown): number | string | null {
  if (typeof raw !== 'string' || raw.length < 10) return null;
  const day = raw.slice(0, 10);
  const d = raw.length === 10 ? new Date(`${day}T00:00:00Z`) : new Date(raw);
  switch (fn) {
    case 'CALENDAR_YEAR':
      return d.getUTCFullYear();
    case 'CALENDAR_MONTH':
      return d.getUTCMonth() + 1;
    case 'DAY_IN_WEEK':
      return d.getUTCDay() + 1;
    case 'WEEK_IN_YEAR': {
      const start = Date.UTC(d.getUTCFullYear(), 0, 1);
      return Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - start) / 86_400_000 / 7) + 1;
    }
    case 'DAY_ONLY':
      return d.toISOString().slice(0, 10);
    default:
      return null;
  }
}

function fieldOf(object: FakeObject, name: string) {
  const f = object.fields.find((x) => x.name === name);
  if (!f) throw new SoqlFieldError(`No such column '${name}' on entity '${object.name}'`);
  return f;
}

/**
 * Checks an aggregate query against the object and answers it over the rows that matched WHERE.
 * Throws SoqlError (MALFORMED_QUERY) or SoqlFieldError (INVALID_FIELD) as Salesforce refuses.
 */
export function aggregate(q: SoqlQuery, object: FakeObject, rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const groups = q.groupBy ?? [];
  for (const g of groups) {
    const f = fieldOf(object, g.field);
    // "Some object fields have a field type that doesn't support grouping" (Considerations for
    // GROUP BY, above): long text is one of them.
    if (f.type === 'textarea') throw new SoqlFieldError(`field '${g.field}' can not be grouped in a query call`);
    if (g.kind === 'date' && g.fn === 'DAY_ONLY' && f.type !== 'datetime') throw new SoqlFieldError(`DAY_ONLY() can only be used with dateTime fields: ${g.field}`);
    if (g.kind === 'date' && f.type !== 'date' && f.type !== 'datetime') throw new SoqlFieldError(`${g.fn}() needs a date or dateTime field: ${g.field}`);
  }
  const sameGroup = (a: GroupItem, b: GroupItem) => a.kind === b.kind && a.field === b.field && (a.kind === 'field' || a.fn === (b as { fn: string }).fn);
  for (const item of q.select) {
    if (item.kind === 'aggregate') {
      fieldOf(object, item.field);
      continue;
    }
    // A selected field or date function must be one the query groups by ("Field must be grouped or
    // aggregated"; Aggregate Functions:
    // https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_agg_functions.htm).
    const asGroup: GroupItem = item.kind === 'field' ? { kind: 'field', field: item.field } : { kind: 'date', fn: item.fn, field: item.field };
    if (!groups.some((g) => sameGroup(g, asGroup))) throw new SoqlError(`Field must be grouped or aggregated: ${item.field}`);
  }
  // A LIMIT with an aggregate function needs GROUP BY (Considerations for GROUP BY, above).
  if (q.limit !== null && groups.length === 0) throw new SoqlError('an aggregate query with LIMIT needs a GROUP BY clause');

  const keyOf = (r: Record<string, unknown>) => groups.map((g) => (g.kind === 'field' ? (r[g.field] ?? null) : dateValue(g.fn, r[g.field])));
  const buckets = new Map<string, { key: unknown[]; rows: Record<string, unknown>[] }>();
  for (const r of rows) {
    const key = keyOf(r);
    const k = JSON.stringify(key);
    let b = buckets.get(k);
    if (!b) buckets.set(k, (b = { key, rows: [] }));
    b.rows.push(r);
  }
  // Without GROUP BY, one row over everything (even none matched).
  if (groups.length === 0 && buckets.size === 0) buckets.set('[]', { key: [], rows: [] });

  const out = [...buckets.values()].map((b) => {
    const record: Record<string, unknown> = { attributes: { type: 'AggregateResult' } };
    let expr = 0;
    for (const item of q.select) {
      if (item.kind === 'field') {
        record[item.field] = b.key[groups.findIndex((g) => g.kind === 'field' && g.field === item.field)] ?? null;
        continue;
      }
      // Unaliased expressions are named expr0, expr1… in the order they appear (Using Aliases with
      // GROUP BY: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_alias.htm).
      const name = item.alias ?? `expr${expr++}`;
      if (item.kind === 'date') {
        record[name] = b.key[groups.findIndex((g) => g.kind === 'date' && g.fn === item.fn && g.field === item.field)] ?? null;
      } else {
        const values = b.rows.map((r) => r[item.field]).filter((v) => v !== null && v !== undefined);
        // COUNT(fieldName) counts rows where the field is not null; COUNT_DISTINCT the distinct
        // non-null values (Aggregate Functions, above).
        record[name] = item.fn === 'COUNT' ? values.length : new Set(values.map((v) => JSON.stringify(v))).size;
      }
    }
    return record;
  });
  const limited = q.limit === null ? out : out.slice(0, q.limit);
  if (limited.length > aggregateRowLimit) {
    throw new SoqlError(`Aggregate query has too many rows for direct assignment: ${limited.length} rows (at most ${aggregateRowLimit}); query in smaller chunks`);
  }
  return limited;
}
