#!/usr/bin/env node
/**
 * The README's screenshots, made reproducibly: browser mode on a throwaway data folder with the
 * test clock fixed, a realistic two and a half weeks seeded through the same HTTP API the renderer
 * uses (the sample call list, a planned week template, calls logged slot by slot with the clock
 * moved to each call, recycles, exclusions and handoffs with appointments), then Debian's Chromium
 * at 1440×900 in Japanese.
 *
 *   npm run screenshots        # builds, then writes docs/screenshots/{planner,dashboard,calls}.png
 *
 * Needs /usr/bin/chromium (or KOMA_CHROMIUM) and a Japanese font (fonts-noto-cjk).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'dist', 'backend', 'browser-mode.cjs');
const outDir = join(root, 'docs', 'screenshots');
const chromiumPath = process.env.KOMA_CHROMIUM ?? '/usr/bin/chromium';

/** Wednesday 14:10 in Tokyo: mid-week, mid-slot, with two full weeks behind it. */
const now = '2025-04-16T05:10:00.000Z';
const firstWeek = '2025-03-31';
const weeks = ['2025-03-31', '2025-04-07', '2025-04-14'];
/** Next week is planned already, from the template. */
const nextWeek = '2025-04-21';
const emptyBlock = '2025-04-15:12';
const zone = 9 * 60; // Tokyo has no daylight saving: local = UTC + 9h.

// ---------------------------------------------------------------- browser mode and its API

async function startBrowserMode(dataDir) {
  const child = spawn(process.execPath, [entry, '--no-open', '--data-dir', dataDir, '--port', '0'], {
    cwd: root,
    env: { ...process.env, KOMA_TEST_CLOCK: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (text) => {
      out += text;
      const found = /Koma is running at (\S+)/.exec(out);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}) before it was ready`)));
  });
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token');
  const post = async (path, body) => {
    const response = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body ?? {}),
    });
    const result = await response.json();
    if (!result.ok) throw new Error(`${path} ${JSON.stringify(body).slice(0, 300)} → ${JSON.stringify(result.error)}`);
    return result.value;
  };
  return {
    url,
    api: (command, input = {}) => post(`/api/${command}`, input),
    setClock: (iso) => post('/__test/clock', { now: iso }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

// ---------------------------------------------------------------- deterministic randomness and time

function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(20250416);
const between = (min, max) => min + Math.floor(rnd() * (max - min + 1));
const pick = (weighted) => {
  let r = rnd() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted.at(-1)[0];
};

const addDays = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** A Tokyo wall-clock time as an instant. */
const tokyo = (date, hh, mm = 0) => new Date(Date.parse(`${date}T00:00:00Z`) + (hh * 60 + mm - zone) * 60_000);
const slotStart = (date, index) => tokyo(date, 9, index * 30);
/** The Tokyo date `n` working days (Monday–Friday) after an instant. */
function workingDaysAfter(instant, n) {
  let date = new Date(instant.getTime() + zone * 60_000).toISOString().slice(0, 10);
  for (let left = n; left > 0; ) {
    date = addDays(date, 1);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date;
}

// ---------------------------------------------------------------- the rep's usual week

/** Slot index (0 = 09:00 … 15 = 16:30) → kind; call blocks get a dial target. */
const day = [
  ['prep'],
  ['call_block', 8],
  ['call_block', 8],
  ['call_block', 8],
  ['call_block', 8],
  ['follow_up'],
  ['break'],
  ['break'],
  ['admin'],
  ['call_block', 8],
  ['call_block', 8],
  ['call_block', 8],
  ['call_block', 8],
  ['follow_up'],
  ['prep'],
  ['admin'],
];
/** Blocks narrowed to one lead source: Monday morning for web inquiries, Wednesday afternoon for seminar leads. */
const sourceBlocks = { '0:1': 'web_inquiry', '0:2': 'web_inquiry', '2:9': 'seminar', '2:10': 'seminar', '2:11': 'seminar' };

function weekPlan(weekStart, { leaveFridayAfternoonOpen = false } = {}) {
  const assignments = [];
  for (let d = 0; d < 5; d++) {
    day.forEach(([kind, dials], index) => {
      if (leaveFridayAfternoonOpen && d === 4 && index >= 9) return;
      const source = sourceBlocks[`${d}:${index}`] ?? null;
      assignments.push({ startsAt: slotStart(addDays(weekStart, d), index).toISOString(), kind, target: kind === 'call_block' ? { dials, source } : null });
    });
  }
  return assignments;
}

// ---------------------------------------------------------------- seeding

const outcomes = [
  ['connected', 24],
  ['no_answer', 34],
  ['voicemail', 14],
  ['gatekeeper', 16],
  ['busy', 6],
  ['callback_requested', 3],
  ['not_interested', 3],
];

async function seed(koma) {
  await koma.setClock(tokyo(firstWeek, 8, 40).toISOString());
  const job = await koma.api('import.startSample');
  for (let status = job; status.phase !== 'done'; status = await koma.api('import.status', { jobId: job.jobId })) {
    if (status.phase === 'failed') throw new Error(`sample import failed: ${status.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const { rows } = await koma.api('callList.page', { offset: 0, limit: 500 });
  const pool = rows.map((r) => ({ id: r.id, source: r.source }));
  const { reps } = await koma.api('fieldReps.save', {
    reps: [
      { id: null, name: '佐藤 健一', email: 'k.sato@example.co.jp', crmUserId: null, active: true },
      { id: null, name: '高橋 美咲', email: 'm.takahashi@example.co.jp', crmUserId: null, active: true },
    ],
  });
  await koma.api('kpi.saveSettings', { settings: { monthlyOpportunityGoal: 15, conversationSeconds: 90, targets: { connect: 0.3, conversation: 0.6, opportunity: 0.15 } } });

  for (const week of weeks) await koma.api('planner.assign', { weekStart: week, assignments: weekPlan(week, { leaveFridayAfternoonOpen: week === weeks.at(-1) }) });
  await koma.api('planner.saveTemplate', { name: '標準の週', weekStart: weeks[0] });
  await koma.api('planner.applyTemplate', { name: '標準の週', weekStart: nextWeek });

  const end = Date.parse(now);
  let next = 0;
  const leadFor = (source) => {
    for (let tries = 0; tries < pool.length; tries++) {
      const lead = pool[(next + tries) % pool.length];
      if (!source || lead.source === source) {
        next = (next + tries + 1) % pool.length;
        return lead;
      }
    }
    return pool[next++ % pool.length];
  };
  const handoffs = [];

  /** One call at `start`; returns when it ended, or null when it would not end before the slot does (or before now). */
  const logCall = async (start, slotEnd, source) => {
    const lead = leadFor(source);
    const outcome = pick(outcomes);
    const seconds =
      outcome === 'connected' ? (rnd() < 0.4 ? between(25, 85) : between(120, 600)) : outcome === 'not_interested' || outcome === 'callback_requested' ? between(40, 150) : between(15, 45);
    const endedAt = new Date(start.getTime() + seconds * 1000);
    if (endedAt.getTime() > Math.min(slotEnd, end)) return null;
    let decision = null;
    if (outcome === 'connected' && rnd() < 0.12) decision = { kind: 'recycle', reason: pick([['timing', 3], ['no_budget', 2], ['no_need', 2]]), until: new Date(endedAt.getTime() + 90 * 86_400_000).toISOString() };
    else if (outcome === 'not_interested' && rnd() < 0.5) decision = { kind: 'exclude', reason: pick([['not_a_buyer', 2], ['competitor', 1], ['partner', 1]]) };
    else if (outcome === 'no_answer' && rnd() < 0.05) decision = { kind: 'recycle', reason: 'not_reached', until: new Date(endedAt.getTime() + 30 * 86_400_000).toISOString() };
    await koma.setClock(new Date(endedAt.getTime() + 5000).toISOString());
    await koma.api('calls.log', {
      leadId: lead.id,
      startedAt: start.toISOString(),
      endedAt: endedAt.toISOString(),
      outcome,
      notes: '',
      callbackAt: outcome === 'callback_requested' ? new Date(endedAt.getTime() + 2 * 86_400_000).toISOString() : null,
      decision,
    });
    if (decision) pool.splice(pool.indexOf(lead), 1);
    if (outcome === 'connected' && !decision && seconds >= 240 && rnd() < 0.2) {
      handoffs.push({ lead, at: endedAt });
      pool.splice(pool.indexOf(lead), 1); // qualified: it leaves the call list
    }
    return endedAt;
  };

  for (const week of weeks) {
    for (let d = 0; d < 5; d++) {
      const date = addDays(week, d);
      for (const [index, [kind, dials]] of day.entries()) {
        const start = slotStart(date, index);
        if (start.getTime() >= end) continue;
        let calls = 0;
        if (`${date}:${index}` === emptyBlock) calls = 0; // the morning meeting ran long: a block left empty
        else if (kind === 'call_block') calls = rnd() < 0.15 ? between(dials - 4, dials - 1) : between(dials, dials + 2);
        else if (kind === 'follow_up' && rnd() < 0.15) calls = between(1, 3); // calling overran into the follow-up slot
        // Calls one after another with a short pause; a long conversation leaves the block below its target.
        let at = start.getTime() + between(20, 90) * 1000;
        for (let i = 0; i < calls; i++) {
          const ended = await logCall(new Date(at), start.getTime() + 30 * 60_000, sourceBlocks[`${d}:${index}`]);
          if (!ended) break;
          at = ended.getTime() + between(30, 120) * 1000;
        }
      }
    }
  }

  // Qualified leads handed to field sales, each with its BANT hearing and an appointment a few working days later.
  const confirmed = { budget: { status: 'approved', amount: 3_000_000, confirmed: true }, authority: { contactRole: 'decision_maker', confirmed: true }, need: { requirements: '営業リストの一元管理と架電記録の共有', confirmed: true }, timeline: { targetQuarter: '2025-Q3', confirmed: true } };
  // Field sales meets the prospect late in the afternoon a week later; two recent ones booked for this week's Thursday and Friday.
  const appointmentSlots = { [handoffs.length - 2]: ['2025-04-17', 16, 0], [handoffs.length - 1]: ['2025-04-18', 10, 30] };
  for (const [i, { lead, at }] of handoffs.entries()) {
    await koma.setClock(new Date(at.getTime() + 120_000).toISOString());
    await koma.api('hearing.save', { leadId: lead.id, hearing: confirmed });
    const [date, hh, mm] = appointmentSlots[i] ?? [workingDaysAfter(at, 5), 16, 0];
    const appointmentAt = tokyo(date, hh, mm);
    await koma.api('handoff.create', {
      leadId: lead.id,
      fieldRepId: reps[i % reps.length].id,
      appointmentAt: appointmentAt.toISOString(),
      appointmentEnd: new Date(appointmentAt.getTime() + 60 * 60_000).toISOString(),
      place: null,
      meetingUrl: null,
      summary: 'BANT確認済み。現行はExcel管理で架電記録が属人化。来期予算で導入を検討中。',
    });
  }
  await koma.setClock(now);
  // The rep cleared the rest of this week's plan where field-sales appointments landed (the past stays as it was).
  const week = await koma.api('planner.week', { weekStart: weeks.at(-1) });
  const clear = week.slots
    .filter((s) => s.appointment && s.kind !== 'appointment' && Date.parse(s.startsAt) > Date.parse(now))
    .map((s) => ({ startsAt: s.startsAt, kind: null, target: null }));
  if (clear.length) await koma.api('planner.assign', { weekStart: weeks.at(-1), assignments: clear });
}

// ---------------------------------------------------------------- screenshots

async function shoot(url) {
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: apt-get install -y chromium`);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    // The page's clock agrees with the backend's, so the countdown and "today" match the seeded data.
    await page.clock.install({ time: new Date(now) });
    await page.goto(url);
    const tab = (name) => page.getByRole('navigation').getByRole('button', { name, exact: true });

    await tab('週間計画').click();
    await page.getByRole('grid').waitFor();
    await page.getByRole('timer', { name: '残り時間' }).waitFor();
    // Thursday morning's call blocks selected, the way the rep would before pressing T.
    const cells = page.getByRole('grid').getByRole('gridcell');
    await cells.nth(1 * 5 + 3).click();
    await cells.nth(4 * 5 + 3).click({ modifiers: ['Shift'] });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(outDir, 'planner.png') });

    await tab('ダッシュボード').click();
    await page.getByRole('button', { name: '今月' }).click();
    await page.getByRole('group', { name: '架電数' }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await page.getByRole('status').filter({ hasText: '集計しています' }).waitFor({ state: 'detached' }).catch(() => {});
    await page.screenshot({ path: join(outDir, 'dashboard.png') });

    await tab('コール').click();
    await page.getByRole('button', { name: /次のリードを開く/ }).click();
    // The lead pane has drawn the lead, not its loading notice.
    await page.getByRole('region', { name: '対応中のリード' }).getByRole('heading', { level: 2 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(outDir, 'calls.png') });
  } finally {
    await browser.close();
  }
}

if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first.`);
mkdirSync(outDir, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'koma-screens-'));
const koma = await startBrowserMode(dataDir);
try {
  await seed(koma);
  await shoot(koma.url);
  console.log(`Saved planner.png, dashboard.png and calls.png in ${outDir}`);
} finally {
  await koma.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
