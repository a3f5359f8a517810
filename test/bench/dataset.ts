import iconv from 'iconv-lite';
import type { CallOutcome } from '../../shared/contract/calls';
import { emptyHearing } from '../../shared/contract/hearing';
import { leadSources } from '../../shared/contract/leads';
import { defaultQueueRules } from '../../shared/contract/queueRules';
import { behaviourKinds, defaultScoringRules } from '../../shared/contract/scoringRules';
import { defaultWorkWeek } from '../../shared/contract/slots';
import { companyNameKey, emailKey, leadSearchText, phoneKey } from '../../shared/domain/normalize';
import { scoreLead } from '../../shared/domain/scoring/score';
import { addDays, weekGrid, weekStartOf } from '../../shared/domain/slots/grid';
import { requeueAll } from '../../electron/backend/app/queue/requeue';
import type { Db } from '../../electron/backend/db/open';
import { seeded, type Random } from './random';

export interface Scale {
  companies: number;
  leads: number;
  calls: number;
  events: number;
  hearings: number;
  handoffs: number;
  weeks: number;
  csvRows: number;
  outbox: number;
}

export const fullScale: Scale = { companies: 20_000, leads: 100_000, calls: 1_000_000, events: 500_000, hearings: 20_000, handoffs: 5_000, weeks: 52, csvRows: 100_000, outbox: 10_000 };
/** A quarter of the year's rows over the same year of days: for a run that must fit in a few minutes of a shared machine. */
export const mediumScale: Scale = { companies: 5_000, leads: 25_000, calls: 250_000, events: 125_000, hearings: 5_000, handoffs: 1_250, weeks: 52, csvRows: 50_000, outbox: 10_000 };
export const quickScale: Scale = { companies: 200, leads: 1_000, calls: 10_000, events: 5_000, hearings: 200, handoffs: 50, weeks: 4, csvRows: 2_000, outbox: 1_000 };

const prefixes = ['サクラ', 'ミドリ', 'アオバ', 'ホクト', 'ヤマト', 'ミナト', 'ヒカリ', 'ツバサ', 'アサヒ', 'カエデ', 'スバル', 'イズミ'];
const suffixes = ['テック', '物流', '商事', '製作所', 'システムズ', 'ソリューションズ', 'メディカル', 'フーズ', '工業', 'ネットワークス'];
const industries = ['IT・通信', '製造業', '小売', '物流', '金融', '医療', '建設', '教育'];
const titles = ['代表取締役', '情報システム部 部長', '営業部 課長', '経営企画部 マネージャー', '総務部 担当', '主任', 'DX推進室 室長'];
const familyNames = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田'];
const givenNames = ['太郎', '花子', '一郎', '美咲', '健太', '陽子', '翔', '由美', '大輔', '恵'];
const outcomeWeights: (readonly [CallOutcome, number])[] = [
  ['no_answer', 40], ['connected', 20], ['voicemail', 12], ['busy', 6], ['gatekeeper', 10], ['wrong_number', 2], ['callback_requested', 5], ['not_interested', 5],
];

/** A year of one busy team's work, ending at `end`. Written in large transactions straight into the real schema. */
export function generateDataset(db: Db, scale: Scale, end: Date, seed = 7): void {
  const r = seeded(seed);
  const yearMs = 365 * 86_400_000;
  const at = (ms: number) => new Date(ms).toISOString();
  const start = end.getTime() - yearMs;
  const businessInstant = () => {
    // A weekday 09:00–18:00 Tokyo time within the year.
    for (;;) {
      const day = start + r.int(365) * 86_400_000;
      const weekday = new Date(day + 9 * 3_600_000).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const tokyoMidnight = Math.floor((day + 9 * 3_600_000) / 86_400_000) * 86_400_000 - 9 * 3_600_000;
      return tokyoMidnight + (9 * 60 + r.int(9 * 60)) * 60_000;
    }
  };

  const companies: { id: string; name: string; industry: string; employees: number }[] = [];
  db.transaction(() => {
    const insert = db.prepare(`INSERT INTO companies (id, name, name_key, website, industry, employees, address, phone, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (let i = 0; i < scale.companies; i++) {
      const name = `株式会社${r.pick(prefixes)}${r.pick(suffixes)}${i}`;
      const company = { id: `co-${i}`, name, industry: r.pick(industries), employees: 5 + r.int(3000) };
      companies.push(company);
      insert.run(company.id, name, companyNameKey(name), `https://www.example.co.jp/c${i}`, company.industry, company.employees, '東京都千代田区丸の内1-1-1', `03-0000-${String(i % 10000).padStart(4, '0')}`, at(start), at(start));
    }
  })();

  const leadIds: string[] = [];
  db.transaction(() => {
    const insert = db.prepare(`INSERT INTO leads (id, company_id, last_name, first_name, full_name, title, email, email_key, phone, phone_key, source,
      attribute_score, behaviour_score, score, status, search_text, created_at, updated_at)
      VALUES (@id, @companyId, @last, @first, @full, @title, @email, @emailKey, @phone, @phoneKey, @source, @attribute, 0, @attribute, @status, @search, @at, @at)`);
    for (let i = 0; i < scale.leads; i++) {
      const company = companies[i % companies.length]!;
      const last = r.pick(familyNames);
      const first = r.pick(givenNames);
      const full = `${last} ${first}`;
      const title = r.pick(titles);
      const phone = `090-${String(Math.floor(i / 10000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')}`;
      const email = `lead${i}@example.co.jp`;
      const source = r.pick(leadSources);
      const attribute = scoreLead({ employees: company.employees, industry: company.industry, title }, [], defaultScoringRules, end).attribute;
      const status = r.weighted([['new', 50], ['working', 30], ['recycled', 10], ['excluded', 5], ['qualified', 5]] as const);
      leadIds.push(`lead-${i}`);
      insert.run({ id: `lead-${i}`, companyId: company.id, last, first, full, title, email, emailKey: emailKey(email), phone, phoneKey: phoneKey(phone), source, attribute, status,
        search: leadSearchText({ companyName: company.name, fullName: full, phone, email }), at: at(start + r.int(yearMs)) });
    }
    db.prepare("UPDATE leads SET recycle_reason = 'timing', recycle_until = ? WHERE status = 'recycled'").run(at(end.getTime() + 30 * 86_400_000));
  })();

  batched(db, scale.events, 50_000, (insert, i) => insert.run(`ev-${i}`, r.pick(leadIds), r.pick(behaviourKinds), at(start + r.int(yearMs)), at(end.getTime())),
    'INSERT INTO behaviour_events (id, lead_id, kind, occurred_at, created_at) VALUES (?, ?, ?, ?, ?)');
  // Calls arrive in time order, as they do in real use (so a month's calls sit together on disk).
  const callTimes = Array.from({ length: scale.calls }, businessInstant).sort((a, b) => a - b);
  batched(db, scale.calls, 100_000, (insert, i) => {
    const began = callTimes[i]!;
    const outcome = r.weighted(outcomeWeights);
    const duration = outcome === 'connected' ? 60 + r.int(900) : r.int(40);
    insert.run(`call-${i}`, r.pick(leadIds), at(began), at(began + duration * 1000), duration, outcome, outcome === 'connected' ? '担当者と会話。資料送付を約束。' : '', at(began + duration * 1000));
  }, 'INSERT INTO calls (id, lead_id, started_at, ended_at, duration_sec, outcome, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  batched(db, scale.calls / 10, 100_000, (insert, i) => {
    const kind = r.weighted([['called', 70], ['recycled', 15], ['excluded', 5], ['skipped', 10]] as const);
    const reason = kind === 'recycled' ? r.pick(['timing', 'no_budget', 'no_need', 'not_reached']) : kind === 'excluded' ? r.pick(['competitor', 'partner', 'student']) : 'no_answer';
    insert.run(`exit-${i}`, r.pick(leadIds), kind, reason, at(businessInstant()));
  }, 'INSERT INTO lead_exits (id, lead_id, kind, reason, at) VALUES (?, ?, ?, ?, ?)');
  const hearingData = JSON.stringify({ ...emptyHearing, budget: { ...emptyHearing.budget, status: 'planned', amount: 3_000_000, confirmed: true } });
  batched(db, scale.hearings, 50_000, (insert, i) => {
    const when = at(businessInstant());
    insert.run(`hear-${i}`, leadIds[i % leadIds.length], 1, hearingData, when, when, when);
  }, `INSERT INTO hearings (id, lead_id, version, budget_confirmed, data, created_at, updated_at, sealed_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)`);
  db.prepare("INSERT INTO field_reps (id, name, email, active) VALUES ('rep-1', '営業 一郎', 'ichiro@example.co.jp', 1)").run();
  batched(db, scale.handoffs, 5_000, (insert, i) => {
    const created = businessInstant();
    insert.run(`ho-${i}`, leadIds[(i * 7) % leadIds.length], r.pick(['queued', 'synced', 'synced', 'synced']), at(created + 3 * 86_400_000), at(created + 3 * 86_400_000 + 3_600_000), '要件ヒアリング済み', '{}', at(created), at(created));
  }, `INSERT INTO handoffs (id, lead_id, field_rep_id, state, appointment_at, appointment_end, summary, package, created_at, updated_at) VALUES (?, ?, 'rep-1', ?, ?, ?, ?, ?, ?, ?)`);

  db.transaction(() => {
    const insert = db.prepare('INSERT INTO slots (id, starts_at, ends_at, kind, target, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    let week = weekStartOf(new Date(start), 'Asia/Tokyo');
    let n = 0;
    for (let w = 0; w < scale.weeks; w++, week = addDays(week, 7)) {
      for (const slot of weekGrid(week, defaultWorkWeek)) {
        const kind = slot.index < 6 ? 'call_block' : r.pick(['prep', 'follow_up', 'admin', 'call_block', 'break'] as const);
        insert.run(`slot-${n++}`, slot.startsAt, slot.endsAt, kind, kind === 'call_block' ? '{"dials":10,"source":null}' : null, at(start), at(start));
      }
    }
  })();
  db.transaction(() => requeueAll(db, defaultQueueRules, end))();
}

interface Insert {
  run(...params: unknown[]): unknown;
}

function batched(db: Db, count: number, perTransaction: number, row: (insert: Insert, i: number) => void, sql: string): void {
  const insert: Insert = db.prepare<unknown[]>(sql);
  for (let done = 0; done < count; done += perTransaction) {
    db.transaction(() => {
      for (let i = done; i < Math.min(count, done + perTransaction); i++) row(insert, i);
    })();
  }
}

/** A CSV as Japanese Excel writes it: CP932, CRLF, Japanese headers. */
export function generateCp932Csv(rows: number, seed = 11): Buffer {
  const r: Random = seeded(seed);
  const lines = ['会社名,姓,名,役職,部署,電話番号,メール,業種,従業員数,リードソース'];
  for (let i = 0; i < rows; i++) {
    lines.push([`株式会社${r.pick(prefixes)}${r.pick(suffixes)}${i % 20_000}`, r.pick(familyNames), r.pick(givenNames), r.pick(titles), '営業部',
      `080-${String(Math.floor(i / 10000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')}`, `csv${i}@example.com`, r.pick(industries), String(10 + r.int(2000)), r.pick(['Web問い合わせ', 'セミナー', '展示会', '資料ダウンロード'])].join(','));
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932');
}
