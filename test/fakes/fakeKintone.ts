import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseKintoneQuery, type Condition, type KintoneQuery } from './kintoneQuery';

/**
 * A fake kintone (cybozu.com) on a real loopback HTTP server, written from cybozu's developer
 * documentation (cybozu.dev) for the subset Koma uses: API token authentication with one token per
 * app (several comma-separated in one header), records GET with a query, PUT with `upsert` by a
 * unique field (updateKey) or by record id, bulkRequest (all or nothing), the app's form fields,
 * the cursor API, and kintone's error body. Each rule names the page it comes from.
 *
 * Pages:
 *   [common]   kintone REST APIの共通仕様 https://cybozu.dev/ja/kintone/docs/rest-api/overview/kintone-rest-api-overview
 *   [tokens]   複数APIトークンを使ってできること https://cybozu.dev/ja/kintone/miscellaneous/archive-tips/multiple-api-token-capabilities
 *   [getRecs]  複数のレコードを取得する https://cybozu.dev/ja/kintone/docs/rest-api/records/get-records
 *   [offset]   offsetの制限値を考慮したkintoneのレコード一括取得について https://cybozu.dev/ja/kintone/tips/best-practices/kintone-get-records-with-offset-limitation/
 *   [addRecs]  複数のレコードを登録する https://cybozu.dev/ja/kintone/docs/rest-api/records/add-records
 *   [updRecs]  複数のレコードを更新する https://cybozu.dev/ja/kintone/docs/rest-api/records/update-records
 *   [bulk]     複数アプリのレコード操作を一括処理する https://cybozu.dev/ja/kintone/docs/rest-api/records/bulk-request
 *   [fields]   フィールド形式 https://cybozu.dev/ja/kintone/docs/overview/field-types
 *   [form]     フォームのフィールドを取得する https://cybozu.dev/ja/kintone/docs/rest-api/apps/form/get-form-fields
 *   [cursor]   カーソルAPIを使ってレコードを一括取得する https://cybozu.dev/ja/kintone/miscellaneous/archive-tips/bulk-get-records-using-cursor-api
 *   [conc]     kintone REST API同時接続数の制限値はなぜあるのか https://cybozu.dev/ja/kintone/tips/development/customize/columns/concurrent-connection-limit-reason
 *   [cli]      cybozu's own cli-kintone feature tests (kintone/cli-kintone, features/*.feature): the
 *              exact error for a token of another app, "[400] [GAIA_IA02] The specified API token
 *              does not match the API token generated via an app." (older answers said 520).
 */

export type KintoneFieldType =
  | 'SINGLE_LINE_TEXT'
  | 'MULTI_LINE_TEXT'
  | 'NUMBER'
  | 'DATETIME'
  | 'DROP_DOWN'
  | 'CHECK_BOX'
  | 'USER_SELECT'
  | 'RECORD_NUMBER'
  | 'UPDATED_TIME'
  | 'CREATED_TIME';

export interface FakeKintoneField {
  code: string;
  type: KintoneFieldType;
  label: string;
  unique?: boolean;
  options?: string[];
}

export type KintoneAppKey = 'leads' | 'calls' | 'handoffs';
export const kintoneAppKeys: KintoneAppKey[] = ['leads', 'calls', 'handoffs'];

export type TokenPermission = 'view' | 'add' | 'edit';

export type KintoneFaultKind = 'status429' | 'status503' | 'status520' | 'status500' | 'hang' | 'dropAfterStore' | 'malformed' | 'tokenRevoked';

export interface KintoneFault {
  kind: KintoneFaultKind;
  count?: number;
  on?: 'any' | 'bulk' | 'get' | 'form' | 'put';
  /** status429/503: Retry-After in seconds (kintone documents none; sent only when set). */
  retryAfter?: number;
}

export interface FakeKintoneOptions {
  /** Fields removed from an app's form (the admin has not created them yet). */
  missing?: Partial<Record<KintoneAppKey, string[]>>;
  /** Fields created with another type (code → type). */
  retype?: Partial<Record<KintoneAppKey, Record<string, KintoneFieldType>>>;
  /** Apps whose koma_id field does not prohibit duplicates (重複禁止 off). */
  notUnique?: KintoneAppKey[];
  /** What each app's token may do (default view, add, edit). */
  permissions?: Partial<Record<KintoneAppKey, TokenPermission[]>>;
  /** The domain's users (USER_SELECT codes). */
  users?: string[];
  latencyMs?: number;
}

export interface FakeKintoneRecord {
  id: string;
  revision: number;
  values: Record<string, unknown>;
}

export interface FakeKintone {
  readonly url: string;
  readonly apps: Record<KintoneAppKey, string>;
  readonly tokens: Record<KintoneAppKey, string>;
  fields(app: KintoneAppKey): FakeKintoneField[];
  records(app: KintoneAppKey): FakeKintoneRecord[];
  /** A record written as a kintone user would (a lead imported by marketing, field sales' answer): stamped now. */
  put(app: KintoneAppKey, values: Record<string, unknown>, id?: string): string;
  /** Stamps records with one 更新日時 (a bulk import): many records in the same minute. */
  stamp(app: KintoneAppKey, ids: string[], iso: string): void;
  inject(fault: KintoneFault): void;
  clearFaults(): void;
  /** Every connection dropped unanswered while true, as if the network or kintone were gone. */
  setOffline(offline: boolean): void;
  /** Field codes a write named that the app does not have: kintone ignores them [addRecs]. */
  readonly ignored: string[];
  readonly stats: { requests: number; byRoute: Record<string, number>; maxLimit: number; maxOffset: number; openCursors: number };
  close(): Promise<void>;
}

/** The field codes of Koma's default kintone apps (docs/sync.md, "kintone"). */
function catalogue(): Record<KintoneAppKey, FakeKintoneField[]> {
  const text = (code: string, label = code): FakeKintoneField => ({ code, type: 'SINGLE_LINE_TEXT', label });
  const multi = (code: string): FakeKintoneField => ({ code, type: 'MULTI_LINE_TEXT', label: code });
  const builtIn: FakeKintoneField[] = [
    { code: 'レコード番号', type: 'RECORD_NUMBER', label: 'レコード番号' },
    { code: '作成日時', type: 'CREATED_TIME', label: '作成日時' },
    { code: '更新日時', type: 'UPDATED_TIME', label: '更新日時' },
  ];
  const komaId: FakeKintoneField = { code: 'koma_id', type: 'SINGLE_LINE_TEXT', label: 'Koma ID', unique: true };
  return {
    leads: [
      ...builtIn,
      komaId,
      text('姓'),
      text('名'),
      text('会社名'),
      text('役職'),
      text('メールアドレス'),
      text('電話番号'),
      { code: 'ステータス', type: 'DROP_DOWN', label: 'ステータス', options: ['新規', '対応中', '再架電', 'リサイクル', '除外', '商談化'] },
      text('リサイクル理由'),
      { code: 'リサイクル期限', type: 'DATETIME', label: 'リサイクル期限' },
      text('除外理由'),
      { code: '架電禁止', type: 'CHECK_BOX', label: '架電禁止', options: ['架電禁止'] },
      { code: '担当者', type: 'USER_SELECT', label: '担当者' },
    ],
    calls: [
      ...builtIn,
      komaId,
      text('リードID'),
      { code: '種別', type: 'DROP_DOWN', label: '種別', options: ['電話', 'メール'] },
      { code: '日時', type: 'DATETIME', label: '日時' },
      { code: '結果', type: 'DROP_DOWN', label: '結果', options: ['通話', '不在', '留守電', '話し中', '受付止まり', '番号違い', '折り返し依頼', '興味なし', '-'] },
      { code: '通話秒数', type: 'NUMBER', label: '通話秒数' },
      text('件名'),
      multi('内容'),
      text('次のアクション'),
    ],
    handoffs: [
      ...builtIn,
      komaId,
      text('リードID'),
      text('案件名'),
      text('会社名'),
      { code: 'アポ日時', type: 'DATETIME', label: 'アポ日時' },
      text('予算状況'),
      { code: '予算額', type: 'NUMBER', label: '予算額' },
      multi('決裁者'),
      multi('ニーズ'),
      multi('導入時期'),
      { code: 'BANT確認', type: 'DROP_DOWN', label: 'BANT確認', options: ['確認済み', '未確認'] },
      multi('引き継ぎ内容'),
      { code: '営業の回答', type: 'DROP_DOWN', label: '営業の回答', options: ['受付', '商談実施', '差し戻し'] },
      text('差し戻し理由'),
    ],
  };
}

class KintoneError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: Record<string, { messages: string[] }>,
  ) {
    super(message);
  }
}

/** The error body [common]: { code, id, message } and, for validation, errors by parameter path. */
function body(e: KintoneError): Record<string, unknown> {
  return { code: e.code, id: randomUUID().replace(/-/g, '').slice(0, 20), message: e.message, ...(e.errors ? { errors: e.errors } : {}) };
}

/** A bulk request's unit failed: which sub-request, and its own error [bulk]. */
class BulkError extends Error {
  constructor(
    readonly index: number,
    readonly inner: KintoneError,
  ) {
    super(inner.message);
  }
}

const readOnlyTypes = new Set<KintoneFieldType>(['RECORD_NUMBER', 'UPDATED_TIME', 'CREATED_TIME']);
/** [fields] 日時: "2012-01-11T11:30:00Z"; an offset is accepted; seconds are kept as :00 (minute precision). */
const datetimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;
/** [fields] 数値: half-width digits, a sign, a decimal point, an exponent; or the empty string. */
const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function minuteIso(ms: number): string {
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');
}

export async function startFakeKintone(options: FakeKintoneOptions = {}): Promise<FakeKintone> {
  const apps: Record<KintoneAppKey, string> = { leads: '101', calls: '102', handoffs: '103' };
  const tokens: Record<KintoneAppKey, string> = {
    leads: 'KmLeadsTokenA1b2C3d4E5f6G7h8I9j0kLmNoPqRsT',
    calls: 'KmCallsTokenZ9y8X7w6V5u4T3s2R1q0pOnMlKjIhG',
    handoffs: 'KmHandoffTokenQ1w2E3r4T5y6U7i8O9p0AsDfGhJk',
  };
  const users = options.users ?? ['sato', 'suzuki', 'tanaka'];
  const forms = catalogue();
  for (const key of kintoneAppKeys) {
    const missing = new Set(options.missing?.[key] ?? []);
    forms[key] = forms[key].filter((f) => !missing.has(f.code)).map((f) => {
      const type = options.retype?.[key]?.[f.code];
      const unique = f.code === 'koma_id' && (options.notUnique ?? []).includes(key) ? false : f.unique;
      return { ...f, ...(type ? { type } : {}), ...(unique !== undefined ? { unique } : {}) };
    });
  }
  const appOf = (id: string): KintoneAppKey | undefined => kintoneAppKeys.find((k) => apps[k] === id);
  const store: Record<KintoneAppKey, Map<string, FakeKintoneRecord>> = { leads: new Map(), calls: new Map(), handoffs: new Map() };
  // Record ids grow per app from 1, as kintone's do: ids of different lengths (9, 10, 100) compare as numbers.
  const nextId: Record<KintoneAppKey, number> = { leads: 1, calls: 1, handoffs: 1 };
  let clock = Date.parse('2026-12-01T00:00:00.000Z');
  const faults: (KintoneFault & { left: number })[] = [];
  const ignored: string[] = [];
  const stats = { requests: 0, byRoute: {} as Record<string, number>, maxLimit: 0, maxOffset: 0, openCursors: 0 };
  const cursors = new Map<string, { app: KintoneAppKey; ids: string[]; size: number; fields: string[] | null }>();
  const sockets = new Set<Socket>();
  let offline = false;
  // Each write one second later: 60 writes share one minute of 更新日時.
  const tick = () => (clock += 1_000);

  const fieldOf = (app: KintoneAppKey, code: string) => forms[app].find((f) => f.code === code);

  /** The app's tokens named in the header [tokens]: comma-separated, or the header repeated. */
  function authorise(req: IncomingMessage, app: KintoneAppKey, need: TokenPermission): void {
    const header = req.headers['x-cybozu-api-token'];
    const given = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((t) => t.trim()).filter(Boolean);
    if (given.length === 0) throw new KintoneError(401, 'CB_AU01', 'ログインしてください。');
    // [cli]: a token that is not one of this app's → 400 GAIA_IA02.
    if (!given.includes(tokens[app])) throw new KintoneError(400, 'GAIA_IA02', '指定したAPIトークンは、アプリで生成されたトークンと異なります。');
    const allowed = options.permissions?.[app] ?? ['view', 'add', 'edit'];
    // A token without the permission the API needs (APIトークンのアクセス権) → 403 GAIA_NO01.
    if (!allowed.includes(need)) throw new KintoneError(403, 'GAIA_NO01', 'このAPIトークンでは、指定したAPIを実行できません。');
  }

  function appParam(raw: unknown): KintoneAppKey {
    const app = appOf(String(raw ?? ''));
    // An app that does not exist (or none given) → GAIA_AP01 (アプリが見つかりません).
    if (!app) throw new KintoneError(404, 'GAIA_AP01', `指定したアプリ（id: ${String(raw)}）が見つかりません。削除されている可能性があります。`);
    return app;
  }

  /** One field value checked against its type [fields]; the error path names the record. */
  function checkValue(app: KintoneAppKey, path: string, code: string, raw: unknown): unknown {
    const f = fieldOf(app, code)!;
    const invalid = (message: string) => new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { [`${path}.${code}.value`]: { messages: [message] } });
    const value = (raw as { value?: unknown } | null)?.value;
    if (readOnlyTypes.has(f.type)) throw invalid('このフィールドの値は変更できません。');
    switch (f.type) {
      case 'SINGLE_LINE_TEXT':
      case 'MULTI_LINE_TEXT':
        if (typeof value !== 'string') throw invalid('文字列を指定してください。');
        return value;
      case 'NUMBER':
        // Koma's mapping sends numbers as strings, as the field-types page writes them.
        if (typeof value !== 'string' || (value !== '' && !numberPattern.test(value))) throw invalid('数字でなければなりません。');
        return value;
      case 'DATETIME': {
        if (value === '') return '';
        if (typeof value !== 'string' || !datetimePattern.test(value) || Number.isNaN(Date.parse(value))) throw invalid('日時の形式が不正です。');
        return minuteIso(Date.parse(value));
      }
      case 'DROP_DOWN':
        if (typeof value !== 'string') throw invalid('文字列を指定してください。');
        if (value !== '' && !(f.options ?? []).includes(value)) throw invalid(`"${value}"は選択肢にありません。`);
        return value;
      case 'CHECK_BOX':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalid('配列を指定してください。');
        for (const v of value as string[]) if (!(f.options ?? []).includes(v)) throw invalid(`"${v}"は選択肢にありません。`);
        return [...(value as string[])];
      case 'USER_SELECT':
        if (!Array.isArray(value)) throw invalid('配列を指定してください。');
        for (const u of value as { code?: unknown }[]) if (typeof u?.code !== 'string' || !users.includes(u.code)) throw invalid(`ユーザー（${String(u?.code)}）が見つかりません。`);
        return (value as { code: string }[]).map((u) => ({ code: u.code }));
      default:
        throw invalid('このフィールドの値は変更できません。');
    }
  }

  /** Field values of one record; codes the app lacks are ignored, as [addRecs] says ("存在しないフィールドコードを指定した場合、そのフィールドは無視されます"). */
  function checkRecord(app: KintoneAppKey, path: string, record: unknown): Record<string, unknown> {
    if (record === undefined) return {};
    if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { [path]: { messages: ['オブジェクトを指定してください。'] } });
    const out: Record<string, unknown> = {};
    for (const [code, raw] of Object.entries(record as Record<string, unknown>)) {
      if (!fieldOf(app, code)) {
        ignored.push(`${app}.${code}`);
        continue;
      }
      out[code] = checkValue(app, path, code, raw);
    }
    return out;
  }

  function findByUnique(app: KintoneAppKey, code: string, value: string): FakeKintoneRecord | undefined {
    for (const r of store[app].values()) if (r.values[code] === value) return r;
    return undefined;
  }

  /** 重複禁止 fields stay unique: a second record with the same value is refused (CB_VA01). */
  function checkUnique(app: KintoneAppKey, path: string, id: string | null, values: Record<string, unknown>, pending: Map<string, string>): void {
    for (const [code, value] of Object.entries(values)) {
      if (!fieldOf(app, code)?.unique || value === '' || typeof value !== 'string') continue;
      const other = findByUnique(app, code, value);
      const claimed = pending.get(`${code}\u0000${value}`);
      if ((other && other.id !== id) || (claimed !== undefined && claimed !== id)) {
        throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { [`${path}.${code}.value`]: { messages: ['値がほかのレコードと重複しています。'] } });
      }
      pending.set(`${code}\u0000${value}`, id ?? `new:${path}`);
    }
  }

  function write(app: KintoneAppKey, id: string | null, values: Record<string, unknown>): FakeKintoneRecord {
    const stamp = minuteIso(tick());
    if (id) {
      const r = store[app].get(id)!;
      Object.assign(r.values, values, { 更新日時: stamp });
      r.revision++;
      return r;
    }
    const newId = String(nextId[app]++);
    const r: FakeKintoneRecord = { id: newId, revision: 1, values: { ...values, レコード番号: newId, 作成日時: stamp, 更新日時: stamp } };
    store[app].set(newId, r);
    return r;
  }

  /** Planned writes of one API call, validated before anything is stored (a call is all or nothing [addRecs]). */
  type Plan = () => unknown;

  /** POST records.json [addRecs]: "一度に100件まで" ("up to 100 records at a time"). */
  function planAdd(payload: Record<string, unknown>, pending: Map<string, string>): Plan {
    const app = appParam(payload.app);
    const records = payload.records;
    if (!Array.isArray(records) || records.length === 0) throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { records: { messages: ['必須です。'] } });
    if (records.length > 100) throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { records: { messages: ['一度に100件までしか登録できません。'] } });
    const planned = records.map((r, i) => {
      const values = checkRecord(app, `records[${i}]`, r);
      checkUnique(app, `records[${i}]`, null, values, pending);
      return values;
    });
    return () => {
      const written = planned.map((v) => write(app, null, v));
      return { ids: written.map((r) => r.id), revisions: written.map((r) => String(r.revision)) };
    };
  }

  /**
   * PUT records.json [updRecs]: by `id` or by `updateKey` (a 重複禁止 SINGLE_LINE_TEXT or NUMBER
   * field only; not both); with `upsert: true` a missing record is added (and the app's 追加
   * permission is needed); at most 100 records.
   */
  function planUpdate(req: IncomingMessage, payload: Record<string, unknown>, pending: Map<string, string>): Plan {
    const app = appParam(payload.app);
    const upsert = payload.upsert === true || payload.upsert === 'true';
    authorise(req, app, 'edit');
    if (upsert) authorise(req, app, 'add');
    const records = payload.records;
    if (!Array.isArray(records) || records.length === 0) throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { records: { messages: ['必須です。'] } });
    if (records.length > 100) throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { records: { messages: ['一度に100件までしか更新できません。'] } });
    const planned = records.map((entry: Record<string, unknown>, i) => {
      const path = `records[${i}]`;
      const hasId = entry.id !== undefined && entry.id !== null;
      const key = entry.updateKey as { field?: unknown; value?: unknown } | undefined;
      if (hasId === (key !== undefined)) throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { [path]: { messages: ['idとupdateKeyのどちらか一方を指定してください。'] } });
      let target: FakeKintoneRecord | undefined;
      if (key) {
        const f = fieldOf(app, String(key.field ?? ''));
        if (!f || !f.unique || !['SINGLE_LINE_TEXT', 'NUMBER'].includes(f.type)) {
          throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { [`${path}.updateKey.field`]: { messages: ['重複禁止が設定された文字列（1行）または数値フィールドを指定してください。'] } });
        }
        if (typeof key.value !== 'string' || key.value === '') throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { [`${path}.updateKey.value`]: { messages: ['必須です。'] } });
        target = findByUnique(app, f.code, key.value);
        if (!target && !upsert) throw new KintoneError(404, 'GAIA_RE20', `指定したレコード（${f.code}: ${key.value}）が見つかりません。`);
      } else {
        target = store[app].get(String(entry.id));
        // upsert by id adds a record with a new id [updRecs]; without upsert a missing id is an error.
        if (!target && !upsert) throw new KintoneError(404, 'GAIA_RE01', `指定したレコード（id: ${String(entry.id)}）が見つかりません。`);
      }
      const values = checkRecord(app, path, entry.record);
      if (key && !target) values[String(key.field)] = key.value;
      if (key && target && values[String(key.field)] !== undefined && values[String(key.field)] !== key.value) {
        throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { [`${path}.record.${String(key.field)}.value`]: { messages: ['updateKeyのフィールドは更新できません。'] } });
      }
      checkUnique(app, path, target?.id ?? null, values, pending);
      return { target, values };
    });
    return () => ({
      records: planned.map(({ target, values }) => {
        const r = write(app, target?.id ?? null, values);
        return { id: r.id, revision: String(r.revision), ...(upsert ? { operation: target ? 'UPDATE' : 'INSERT' } : {}) };
      }),
    });
  }

  function recordView(r: FakeKintoneRecord, app: KintoneAppKey, wanted: string[] | null): Record<string, unknown> {
    const out: Record<string, unknown> = { $id: { type: '__ID__', value: r.id }, $revision: { type: '__REVISION__', value: String(r.revision) } };
    for (const f of forms[app]) {
      if (wanted && !wanted.includes(f.code)) continue;
      const empty = f.type === 'CHECK_BOX' || f.type === 'USER_SELECT' ? [] : '';
      out[f.code] = { type: f.type, value: r.values[f.code] ?? empty };
    }
    return out;
  }

  function comparable(app: KintoneAppKey, code: string, v: unknown): number | string {
    const type = code === '$id' ? 'RECORD_NUMBER' : fieldOf(app, code)?.type;
    if (type === 'RECORD_NUMBER' || type === 'NUMBER') return Number(v);
    if (type === 'DATETIME' || type === 'UPDATED_TIME' || type === 'CREATED_TIME') return v === '' || v === undefined ? Number.NaN : Date.parse(String(v));
    return String(v ?? '');
  }

  function matches(app: KintoneAppKey, r: FakeKintoneRecord, c: Condition): boolean {
    if (c.kind !== 'cmp') return c.kind === 'and' ? c.parts.every((p) => matches(app, r, p)) : c.parts.some((p) => matches(app, r, p));
    const have = c.field === '$id' ? r.id : r.values[c.field];
    const type = c.field === '$id' ? 'RECORD_NUMBER' : fieldOf(app, c.field)!.type;
    if (c.op === 'in' || c.op === 'not in') {
      const values = type === 'USER_SELECT' ? ((have as { code: string }[] | undefined) ?? []).map((u) => u.code) : [String(have ?? '')];
      const hit = values.some((v) => c.values.includes(v));
      return c.op === 'in' ? hit : !hit;
    }
    const a = comparable(app, c.field, have);
    const b = comparable(app, c.field, c.values[0]);
    switch (c.op) {
      case '=':
        return a === b;
      case '!=':
        return a !== b;
      case '>':
        return a > b;
      case '<':
        return a < b;
      case '>=':
        return a >= b;
      default:
        return a <= b;
    }
  }

  /** Unknown field codes in a query are refused (GAIA_IQ11: 指定したフィールドが見つかりません). */
  function checkQueryFields(app: KintoneAppKey, q: KintoneQuery): void {
    const known = (code: string) => code === '$id' || fieldOf(app, code) !== undefined;
    const walk = (c: Condition | null): void => {
      if (!c) return;
      if (c.kind !== 'cmp') return c.parts.forEach(walk);
      if (!known(c.field)) throw new KintoneError(400, 'GAIA_IQ11', `指定したフィールド（${c.field}）が見つかりません。`);
    };
    walk(q.where);
    for (const o of q.orderBy) if (!known(o.field)) throw new KintoneError(400, 'GAIA_IQ11', `指定したフィールド（${o.field}）が見つかりません。`);
  }

  function select(app: KintoneAppKey, q: KintoneQuery): FakeKintoneRecord[] {
    checkQueryFields(app, q);
    const found = [...store[app].values()].filter((r) => !q.where || matches(app, r, q.where));
    // Without `order by`, kintone sorts by record id descending (複数のレコードを取得する: 並び順の初期値).
    const order = q.orderBy.length > 0 ? q.orderBy : [{ field: '$id', direction: 'desc' as const }];
    return found.sort((x, y) => {
      for (const o of order) {
        const a = comparable(app, o.field, o.field === '$id' ? x.id : x.values[o.field]);
        const b = comparable(app, o.field, o.field === '$id' ? y.id : y.values[o.field]);
        if (a < b) return o.direction === 'asc' ? -1 : 1;
        if (a > b) return o.direction === 'asc' ? 1 : -1;
      }
      return 0;
    });
  }

  function parseQuery(text: string): KintoneQuery {
    try {
      return parseKintoneQuery(text);
    } catch (error) {
      throw new KintoneError(400, 'GAIA_IQ03', `クエリ記法が間違っています。${error instanceof Error ? error.message : ''}`);
    }
  }

  /** GET records.json [getRecs]: limit ≤ 500 (default 100), offset ≤ 10,000 [offset]. */
  function getRecords(app: KintoneAppKey, query: string, fields: string[] | null): unknown {
    const q = parseQuery(query);
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    if (limit > 500) throw new KintoneError(400, 'GAIA_QU01', 'limitには500以下の値を指定してください。');
    if (offset > 10_000) throw new KintoneError(400, 'GAIA_QU02', 'offsetには10,000以下の値を指定してください。');
    stats.maxLimit = Math.max(stats.maxLimit, limit);
    stats.maxOffset = Math.max(stats.maxOffset, offset);
    const page = select(app, q).slice(offset, offset + limit);
    return { records: page.map((r) => recordView(r, app, fields)), totalCount: null };
  }

  function takeFault(route: 'bulk' | 'get' | 'form' | 'put' | 'other') {
    const f = faults.find((x) => x.left > 0 && (!x.on || x.on === 'any' || x.on === route));
    if (f) f.left--;
    return f;
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
    // Every answer reports the domain's concurrency (X-ConcurrencyLimit-*, [conc]).
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-ConcurrencyLimit-Limit': '100', 'X-ConcurrencyLimit-Running': '1', ...headers });
    res.end(JSON.stringify(payload));
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { code: 'CB_IJ01', id: 'fake', message: String(error) });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (offline) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = await readBody(req);
    stats.requests++;
    const routeKey = `${req.method} ${url.pathname}`;
    stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const route = url.pathname === '/k/v1/bulkRequest.json' ? 'bulk' : url.pathname === '/k/v1/app/form/fields.json' ? 'form' : req.method === 'GET' ? 'get' : req.method === 'PUT' ? 'put' : 'other';
    const fault = takeFault(route);
    try {
      if (fault?.kind === 'hang') return;
      // [conc]: over 100 concurrent requests kintone answers 429; 503 during maintenance.
      if (fault?.kind === 'status429') throw new KintoneError(429, 'GAIA_TM12', '同時に実行できるリクエスト数の上限を超えています。', undefined);
      if (fault?.kind === 'status503') throw new KintoneError(503, 'CB_SE01', 'ただいまメンテナンス中です。');
      if (fault?.kind === 'status500') throw new KintoneError(500, 'CB_IJ01', 'サーバーで予期しないエラーが発生しました。');
      // kintone's own "unknown error" status (older answers carried every error with 520, [cli]).
      if (fault?.kind === 'status520') throw new KintoneError(520, 'GAIA_UN03', '予期しないエラーが発生しました。');
      if (fault?.kind === 'tokenRevoked') throw new KintoneError(400, 'GAIA_IA02', '指定したAPIトークンは、アプリで生成されたトークンと異なります。');
      // [common]: a request body is JSON with Content-Type application/json.
      if (text && !String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new KintoneError(415, 'CB_IL02', '不正なリクエストです。');
      let payload: Record<string, unknown> = {};
      try {
        payload = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        throw new KintoneError(400, 'CB_IJ01', '不正なJSON文字列です。');
      }
      let answer: unknown;
      if (req.method === 'GET' && url.pathname === '/k/v1/app/form/fields.json') {
        const app = appParam(url.searchParams.get('app'));
        authorise(req, app, 'view');
        answer = {
          properties: Object.fromEntries(
            forms[app].map((f) => [f.code, { type: f.type, code: f.code, label: f.label, noLabel: false, required: false, ...(f.unique !== undefined ? { unique: f.unique } : {}), ...(f.options ? { options: Object.fromEntries(f.options.map((o, index) => [o, { label: o, index: String(index) }])) } : {}) }]),
          ),
          revision: '3',
        };
      } else if (req.method === 'GET' && url.pathname === '/k/v1/records.json') {
        const app = appParam(url.searchParams.get('app'));
        authorise(req, app, 'view');
        const fields = [...url.searchParams.entries()].filter(([k]) => /^fields\[\d+\]$/.test(k)).map(([, v]) => v);
        answer = getRecords(app, url.searchParams.get('query') ?? '', fields.length > 0 ? fields : null);
      } else if (req.method === 'PUT' && url.pathname === '/k/v1/records.json') {
        answer = planUpdate(req, payload, new Map())();
      } else if (req.method === 'POST' && url.pathname === '/k/v1/records.json') {
        const app = appParam(payload.app);
        authorise(req, app, 'add');
        answer = planAdd(payload, new Map())();
      } else if (req.method === 'POST' && url.pathname === '/k/v1/bulkRequest.json') {
        answer = bulk(req, payload);
      } else if (url.pathname === '/k/v1/records/cursor.json') {
        answer = cursor(req, url, payload);
      } else {
        throw new KintoneError(404, 'CB_NO01', `${req.method} ${url.pathname} is not an API Koma's fake knows.`);
      }
      if (fault?.kind === 'dropAfterStore') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'malformed') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return void res.end('{"results":[{"records":[');
      }
      send(res, 200, answer);
    } catch (error) {
      if (error instanceof BulkError) {
        // [bulk]: the failed request's element holds its error, every other one {}.
        const results = Array.from({ length: (parseBody(text).requests as unknown[] | undefined)?.length ?? 0 }, (_, i) => (i === error.index ? body(error.inner) : {}));
        return send(res, error.inner.status, { results });
      }
      if (!(error instanceof KintoneError)) throw error;
      const retryAfter = fault?.retryAfter;
      send(res, error.status, body(error), retryAfter !== undefined && (error.status === 429 || error.status === 503) ? { 'Retry-After': String(retryAfter) } : {});
    }
  }

  function parseBody(text: string): Record<string, unknown> {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {};
    }
  }

  /**
   * bulkRequest [bulk]: up to 20 requests, run in order; "いずれかのAPIで処理が失敗すると" every
   * request is rolled back (nothing is stored) and the failed one's element holds the error.
   */
  function bulk(req: IncomingMessage, p: Record<string, unknown>): unknown {
    const requests = p.requests;
    if (!Array.isArray(requests) || requests.length === 0) throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { requests: { messages: ['必須です。'] } });
    if (requests.length > 20) throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { requests: { messages: ['一度に20件までしか実行できません。'] } });
    const plans: Plan[] = [];
    const pending = new Map<string, string>();
    requests.forEach((r: { method?: unknown; api?: unknown; payload?: unknown }, index) => {
      try {
        const sub = (r.payload ?? {}) as Record<string, unknown>;
        if (r.api === '/k/v1/records.json' && r.method === 'PUT') plans.push(planUpdate(req, sub, pending));
        else if (r.api === '/k/v1/records.json' && r.method === 'POST') {
          authorise(req, appParam(sub.app), 'add');
          plans.push(planAdd(sub, pending));
        } else throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { [`requests[${index}].api`]: { messages: ['このAPIは一括処理できません。'] } });
      } catch (error) {
        if (error instanceof KintoneError) throw new BulkError(index, error);
        throw error;
      }
    });
    // Everything validated: only now is anything stored, so a refusal stores nothing.
    return { results: plans.map((plan) => plan()) };
  }

  /**
   * The cursor API [cursor]: at most 10 cursors per domain; `size` ≤ 500; the query takes no
   * limit or offset; a cursor read to its end is deleted.
   */
  function cursor(req: IncomingMessage, url: URL, p: Record<string, unknown>): unknown {
    if (req.method === 'POST') {
      const app = appParam(p.app);
      authorise(req, app, 'view');
      const size = Number(p.size ?? 100);
      if (!Number.isInteger(size) || size < 1 || size > 500) throw new KintoneError(400, 'CB_VA01', '入力内容が正しくありません。', { size: { messages: ['500以下である必要があります。'] } });
      const q = parseQuery(String(p.query ?? ''));
      if (q.limit !== null || q.offset !== null) throw new KintoneError(400, 'GAIA_CU01', 'カーソルのクエリにlimitとoffsetは指定できません。');
      if (cursors.size >= 10) throw new KintoneError(400, 'GAIA_CO02', '作成できるカーソルの上限に達しています。');
      const ids = select(app, q).map((r) => r.id);
      const id = randomUUID();
      cursors.set(id, { app, ids, size, fields: Array.isArray(p.fields) ? (p.fields as string[]) : null });
      stats.openCursors = cursors.size;
      return { id, totalCount: String(ids.length) };
    }
    const id = req.method === 'GET' ? url.searchParams.get('id') : String(p.id ?? '');
    const c = id ? cursors.get(id) : undefined;
    if (!c || !id) throw new KintoneError(404, 'GAIA_CU02', '指定したカーソルが見つかりません。');
    authorise(req, c.app, 'view');
    if (req.method === 'DELETE') {
      cursors.delete(id);
      stats.openCursors = cursors.size;
      return {};
    }
    const page = c.ids.splice(0, c.size);
    if (c.ids.length === 0) cursors.delete(id);
    stats.openCursors = cursors.size;
    return { records: page.map((rid) => store[c.app].get(rid)).filter((r): r is FakeKintoneRecord => r !== undefined).map((r) => recordView(r, c.app, c.fields)), next: c.ids.length > 0 };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    apps,
    tokens,
    ignored,
    stats,
    fields: (app) => forms[app].map((f) => ({ ...f })),
    records: (app) => [...store[app].values()].map((r) => ({ id: r.id, revision: r.revision, values: structuredClone(r.values) })),
    put(app, values, id) {
      const existing = id ? store[app].get(id) : undefined;
      if (existing) return write(app, existing.id, values).id;
      const r = write(app, null, values);
      return r.id;
    },
    stamp(app, ids, iso) {
      for (const id of ids) {
        const r = store[app].get(id);
        if (r) r.values['更新日時'] = minuteIso(Date.parse(iso));
      }
      clock = Math.max(clock, Date.parse(iso));
    },
    inject(fault) {
      faults.push({ ...fault, left: fault.count ?? 1 });
    },
    clearFaults() {
      faults.length = 0;
    },
    setOffline(value) {
      offline = value;
      if (value) for (const s of sockets) s.destroy();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
