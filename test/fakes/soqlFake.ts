/**
 * Just enough SOQL for the fake Salesforce: SELECT fields FROM type [WHERE expr] [GROUP BY items]
 * [ORDER BY f, f] [LIMIT n], where expr combines `field op literal` and `field IN (literal, …)` with
 * AND, OR and parentheses, and literals are 'strings' (with \' and \\ escapes), numbers,
 * true/false/null, unquoted dates and dateTimes. The select list may hold the aggregate functions
 * COUNT(field) and COUNT_DISTINCT(field) and the date functions Koma groups by (aggregate.ts), each
 * with an optional alias. Anything else is a MALFORMED_QUERY, as Salesforce would answer a query it
 * cannot parse.
 */
export type Literal = string | number | boolean | null | { dateTime: string };

/** Aggregate Functions (SOQL and SOSL Reference: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_agg_functions.htm). */
export const aggregateFunctions = ['COUNT', 'COUNT_DISTINCT'] as const;
/** Date Functions (https://developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-select-date-functions.html). */
export const dateFunctions = ['CALENDAR_YEAR', 'CALENDAR_MONTH', 'DAY_ONLY', 'WEEK_IN_YEAR', 'DAY_IN_WEEK'] as const;

export type SelectItem =
  | { kind: 'field'; field: string }
  | { kind: 'aggregate'; fn: (typeof aggregateFunctions)[number]; field: string; alias: string | null }
  | { kind: 'date'; fn: (typeof dateFunctions)[number]; field: string; alias: string | null };

export type GroupItem = { kind: 'field'; field: string } | { kind: 'date'; fn: (typeof dateFunctions)[number]; field: string };

export type Expr =
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'cmp'; field: string; op: '=' | '!=' | '<' | '>' | '<=' | '>='; value: Literal }
  | { kind: 'in'; field: string; values: Literal[] };

export interface SoqlQuery {
  /** Every field the query names in its select list (inside functions too). */
  fields: string[];
  select: SelectItem[];
  groupBy: GroupItem[] | null;
  from: string;
  where: Expr | null;
  orderBy: string[];
  limit: number | null;
}

export class SoqlError extends Error {}

type Token = { t: 'word'; v: string } | { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'dt'; v: string } | { t: 'date'; v: string } | { t: 'sym'; v: string };

const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new SoqlError('unterminated string');
        const c = text[i]!;
        if (c === '\\') {
          value += text[i + 1] ?? '';
          i += 2;
        } else if (c === "'") {
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
      tokens.push({ t: 'str', v: value });
    } else if (dateTime.test(rest)) {
      const m = dateTime.exec(rest)![0];
      tokens.push({ t: 'dt', v: m });
      i += m.length;
    } else if (/^\d{4}-\d{2}-\d{2}/.test(rest)) {
      // A date literal (YYYY-MM-DD), compared with date fields as it is written.
      tokens.push({ t: 'date', v: rest.slice(0, 10) });
      i += 10;
    } else if (/^\d/.test(rest)) {
      const m = /^\d+(\.\d+)?/.exec(rest)![0];
      tokens.push({ t: 'num', v: Number(m) });
      i += m.length;
    } else if (/^[A-Za-z_]/.test(rest)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest)![0];
      tokens.push({ t: 'word', v: m });
      i += m.length;
    } else {
      const m = /^(!=|<=|>=|=|<|>|\(|\)|,)/.exec(rest);
      if (!m) throw new SoqlError(`unexpected character ${ch}`);
      tokens.push({ t: 'sym', v: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

export function parseSoql(text: string): SoqlQuery {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (w: string) => peek()?.t === 'word' && (peek() as { v: string }).v.toUpperCase() === w;
  const expectWord = (w: string) => {
    if (!isWord(w)) throw new SoqlError(`expected ${w}`);
    pos++;
  };
  const ident = (): string => {
    const tok = tokens[pos++];
    if (tok?.t !== 'word') throw new SoqlError('expected a field name');
    return tok.v;
  };
  const sym = (s: string) => {
    const tok = tokens[pos];
    if (tok?.t === 'sym' && tok.v === s) {
      pos++;
      return true;
    }
    return false;
  };

  const fnCall = (): { fn: string; field: string } | null => {
    const tok = tokens[pos];
    const next = tokens[pos + 1];
    if (tok?.t !== 'word' || next?.t !== 'sym' || next.v !== '(') return null;
    pos += 2;
    const field = ident();
    if (!sym(')')) throw new SoqlError('expected )');
    return { fn: tok.v.toUpperCase(), field };
  };
  const alias = (): string | null => {
    const tok = tokens[pos];
    if (tok?.t === 'word' && !['FROM'].includes(tok.v.toUpperCase())) {
      pos++;
      return tok.v;
    }
    return null;
  };
  const selectItem = (): SelectItem => {
    const call = fnCall();
    if (!call) return { kind: 'field', field: ident() };
    if ((aggregateFunctions as readonly string[]).includes(call.fn)) return { kind: 'aggregate', fn: call.fn as 'COUNT', field: call.field, alias: alias() };
    if ((dateFunctions as readonly string[]).includes(call.fn)) return { kind: 'date', fn: call.fn as 'DAY_ONLY', field: call.field, alias: alias() };
    throw new SoqlError(`unknown function ${call.fn}`);
  };

  expectWord('SELECT');
  const select = [selectItem()];
  while (sym(',')) select.push(selectItem());
  const fields = select.map((item) => item.field);
  expectWord('FROM');
  const from = ident();

  const literal = (): Literal => {
    const tok = tokens[pos++];
    if (!tok) throw new SoqlError('expected a value');
    if (tok.t === 'str') return tok.v;
    if (tok.t === 'num') return tok.v;
    if (tok.t === 'dt') return { dateTime: tok.v };
    if (tok.t === 'date') return tok.v;
    if (tok.t === 'word') {
      const w = tok.v.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
    }
    throw new SoqlError('expected a value');
  };
  const condition = (): Expr => {
    if (sym('(')) {
      const inner = orExpr();
      if (!sym(')')) throw new SoqlError('expected )');
      return inner;
    }
    const field = ident();
    if (isWord('IN')) {
      pos++;
      if (!sym('(')) throw new SoqlError('expected ( after IN');
      const values = [literal()];
      while (sym(',')) values.push(literal());
      if (!sym(')')) throw new SoqlError('expected )');
      return { kind: 'in', field, values };
    }
    const tok = tokens[pos++];
    if (tok?.t !== 'sym' || !['=', '!=', '<', '>', '<=', '>='].includes(tok.v)) throw new SoqlError('expected an operator');
    return { kind: 'cmp', field, op: tok.v as '=', value: literal() };
  };
  const andExpr = (): Expr => {
    let left = condition();
    while (isWord('AND')) {
      pos++;
      left = { kind: 'and', left, right: condition() };
    }
    return left;
  };
  const orExpr = (): Expr => {
    let left = andExpr();
    while (isWord('OR')) {
      pos++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };

  let where: Expr | null = null;
  if (isWord('WHERE')) {
    pos++;
    where = orExpr();
  }
  let groupBy: GroupItem[] | null = null;
  if (isWord('GROUP')) {
    pos++;
    expectWord('BY');
    const groupItem = (): GroupItem => {
      const call = fnCall();
      if (!call) return { kind: 'field', field: ident() };
      if (!(dateFunctions as readonly string[]).includes(call.fn)) throw new SoqlError(`cannot group by ${call.fn}`);
      return { kind: 'date', fn: call.fn as 'DAY_ONLY', field: call.field };
    };
    groupBy = [groupItem()];
    while (sym(',')) groupBy.push(groupItem());
  }
  const orderBy: string[] = [];
  if (isWord('ORDER')) {
    pos++;
    expectWord('BY');
    orderBy.push(ident());
    while (sym(',')) orderBy.push(ident());
  }
  let limit: number | null = null;
  if (isWord('LIMIT')) {
    pos++;
    const tok = tokens[pos++];
    if (tok?.t !== 'num') throw new SoqlError('expected a number after LIMIT');
    limit = tok.v;
  }
  if (pos !== tokens.length) throw new SoqlError('unexpected text after the query');
  return { fields, select, groupBy, from, where, orderBy, limit };
}

function compare(a: unknown, b: Literal): number | null {
  if (b !== null && typeof b === 'object') {
    if (typeof a !== 'string') return null;
    return Date.parse(a) - Date.parse(b.dateTime);
  }
  if (a === null || a === undefined || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b ? 0 : 1;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function matches(record: Record<string, unknown>, expr: Expr | null): boolean {
  if (expr === null) return true;
  if (expr.kind === 'in') return expr.values.some((v) => matches(record, { kind: 'cmp', field: expr.field, op: '=', value: v }));
  if (expr.kind !== 'cmp') {
    return expr.kind === 'and' ? matches(record, expr.left) && matches(record, expr.right) : matches(record, expr.left) || matches(record, expr.right);
  }
  const value = record[expr.field] ?? null;
  if (expr.value === null) return expr.op === '=' ? value === null : expr.op === '!=' ? value !== null : false;
  const c = compare(value, expr.value);
  if (c === null) return expr.op === '!=';
  switch (expr.op) {
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '>=':
      return c >= 0;
    default:
      return false;
  }
}

export function fieldsOf(expr: Expr | null): string[] {
  if (expr === null) return [];
  if (expr.kind === 'cmp' || expr.kind === 'in') return [expr.field];
  return [...fieldsOf(expr.left), ...fieldsOf(expr.right)];
}
