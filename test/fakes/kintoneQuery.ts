/**
 * The part of kintone's query language the fake understands (クエリの書き方:
 * https://cybozu.dev/ja/kintone/docs/overview/query): conditions `field op "value"` with = != > <
 * >= <=, `field in ("a", "b")` / `not in`, joined by `and` / `or` with parentheses, then
 * `order by field asc|desc, …`, `limit N`, `offset N`. Values are double-quoted strings (\" and \\
 * escaped) or bare numbers. Anything else is a syntax error, as kintone answers it.
 */

export type Condition =
  | { kind: 'and' | 'or'; parts: Condition[] }
  | { kind: 'cmp'; field: string; op: '=' | '!=' | '>' | '<' | '>=' | '<=' | 'in' | 'not in'; values: string[] };

export interface KintoneQuery {
  where: Condition | null;
  orderBy: { field: string; direction: 'asc' | 'desc' }[];
  limit: number | null;
  offset: number | null;
}

type Token = { t: 'word' | 'string' | 'op' | 'punct'; v: string };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let v = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        v += text[i];
        i++;
      }
      if (text[i] !== '"') throw new Error('unterminated string');
      i++;
      out.push({ t: 'string', v });
    } else if ('(),'.includes(c)) {
      out.push({ t: 'punct', v: c });
      i++;
    } else if ('=!<>'.includes(c)) {
      const two = text.slice(i, i + 2);
      if (['!=', '<=', '>='].includes(two)) {
        out.push({ t: 'op', v: two });
        i += 2;
      } else if (c === '!') throw new Error('unexpected !');
      else {
        out.push({ t: 'op', v: c });
        i++;
      }
    } else {
      let v = '';
      while (i < text.length && !/[\s(),=!<>"]/.test(text[i]!)) v += text[i++];
      out.push({ t: 'word', v });
    }
  }
  return out;
}

export function parseKintoneQuery(text: string): KintoneQuery {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (w: string, tok = peek()) => tok?.t === 'word' && tok.v.toLowerCase() === w;
  const next = () => {
    const tok = tokens[pos++];
    if (!tok) throw new Error('unexpected end of query');
    return tok;
  };
  const value = (): string => {
    const tok = next();
    if (tok.t === 'string') return tok.v;
    if (tok.t === 'word' && /^-?\d+(\.\d+)?$/.test(tok.v)) return tok.v;
    throw new Error(`a value was expected at "${tok.v}"`);
  };

  function primary(): Condition {
    if (peek()?.t === 'punct' && peek()!.v === '(') {
      next();
      const inner = orExpr();
      const close = next();
      if (close.v !== ')') throw new Error('missing )');
      return inner;
    }
    const field = next();
    if (field.t !== 'word') throw new Error(`a field code was expected at "${field.v}"`);
    let op: string;
    if (isWord('not')) {
      next();
      if (!isWord('in')) throw new Error('not must be followed by in');
      next();
      op = 'not in';
    } else if (isWord('in')) {
      next();
      op = 'in';
    } else {
      const tok = next();
      if (tok.t !== 'op') throw new Error(`an operator was expected at "${tok.v}"`);
      op = tok.v;
    }
    if (op === 'in' || op === 'not in') {
      if (next().v !== '(') throw new Error('in needs a list');
      const values = [value()];
      while (peek()?.v === ',') {
        next();
        values.push(value());
      }
      if (next().v !== ')') throw new Error('missing ) after the list');
      return { kind: 'cmp', field: field.v, op, values };
    }
    return { kind: 'cmp', field: field.v, op: op as '=', values: [value()] };
  }

  function andExpr(): Condition {
    const parts = [primary()];
    while (isWord('and')) {
      next();
      parts.push(primary());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  }

  function orExpr(): Condition {
    const parts = [andExpr()];
    while (isWord('or')) {
      next();
      parts.push(andExpr());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  }

  const startsTail = () => isWord('order') || isWord('limit') || isWord('offset');
  const where = pos < tokens.length && !startsTail() ? orExpr() : null;
  const orderBy: KintoneQuery['orderBy'] = [];
  let limit: number | null = null;
  let offset: number | null = null;
  if (isWord('order')) {
    next();
    if (!isWord('by')) throw new Error('order must be followed by by');
    next();
    for (;;) {
      const field = next();
      let direction: 'asc' | 'desc' = 'asc';
      if (isWord('asc') || isWord('desc')) direction = next().v.toLowerCase() as 'asc' | 'desc';
      orderBy.push({ field: field.v, direction });
      if (peek()?.v !== ',') break;
      next();
    }
  }
  const count = () => {
    const tok = next();
    if (tok.t !== 'word' || !/^\d+$/.test(tok.v)) throw new Error(`a number was expected at "${tok.v}"`);
    return Number(tok.v);
  };
  if (isWord('limit')) {
    next();
    limit = count();
  }
  if (isWord('offset')) {
    next();
    offset = count();
  }
  if (pos < tokens.length) throw new Error(`unexpected "${tokens[pos]!.v}"`);
  return { where, orderBy, limit, offset };
}
