import type { BrowserModeApp } from './browserMode';

/**
 * A realistic week for the screen-by-screen checks (axe, clipping): the sample call list, two
 * field reps, a planned week, calls of every outcome logged Monday to Thursday (one callback
 * promised for Monday that is now four days overdue), a recycle and a handoff with its hearing —
 * all through the same HTTP API the renderer uses. Ends on Friday 11 April 2025, 10:10 in Tokyo.
 */
export const seededNow = '2025-04-11T01:10:00.000Z';
const weekStart = '2025-04-07';

const tokyo = (day: number, hh: number, mm = 0) => new Date(Date.UTC(2025, 3, 7 + day, hh - 9, mm));

type Api = (command: string, input?: unknown) => Promise<unknown>;

/** The harness returns the Result; seeding wants the value, and stops at the first refusal with what was refused. */
function valuesOf(app: BrowserModeApp): Api {
  return async (command, input = {}) => {
    const result = (await app.api(command, input)) as { ok: boolean; value?: unknown; error?: unknown };
    if (!result.ok) throw new Error(`${command} was refused: ${JSON.stringify(result.error)}`);
    return result.value;
  };
}

async function importSample(api: Api): Promise<void> {
  const job = (await api('import.startSample')) as { jobId: string; phase: string };
  for (let status = job; status.phase !== 'done'; ) {
    if (status.phase === 'failed') throw new Error(`sample import failed: ${JSON.stringify(status)}`);
    // Waits on the job's own state: each poll is one request, however fast the machine.
    status = (await api('import.status', { jobId: job.jobId })) as typeof job;
  }
}

function plan(): { startsAt: string; kind: string; target: { dials: number; source: string | null } | null }[] {
  const kinds = ['prep', 'call_block', 'call_block', 'call_block', 'call_block', 'follow_up', 'break', 'break', 'admin', 'call_block', 'call_block', 'call_block', 'follow_up', 'prep', 'admin', 'admin'];
  return [0, 1, 2, 3, 4].flatMap((day) =>
    kinds.map((kind, index) => ({
      startsAt: tokyo(day, 9, index * 30).toISOString(),
      kind,
      target: kind === 'call_block' ? { dials: 8, source: day === 0 && index < 3 ? 'web_inquiry' : null } : null,
    })),
  );
}

async function logCall(api: Api, app: BrowserModeApp, leadId: string, start: Date, outcome: string, extra: Record<string, unknown> = {}) {
  const endedAt = new Date(start.getTime() + (outcome === 'connected' ? 300_000 : 30_000));
  await app.setClock(new Date(endedAt.getTime() + 5_000).toISOString());
  await api('calls.log', { leadId, startedAt: start.toISOString(), endedAt: endedAt.toISOString(), outcome, notes: '', callbackAt: null, decision: null, ...extra });
}

export async function seedWeek(app: BrowserModeApp): Promise<void> {
  const api = valuesOf(app);
  await app.setClock(tokyo(0, 8, 30).toISOString());
  await importSample(api);
  const { rows } = (await api('callList.page', { offset: 0, limit: 60 })) as { rows: { id: string }[] };
  const ids = rows.map((row) => row.id);
  const { reps } = (await api('fieldReps.save', {
    reps: [
      { id: null, name: '佐藤 健一', email: 'k.sato@example.co.jp', crmUserId: null, active: true },
      { id: null, name: '高橋 美咲', email: 'm.takahashi@example.co.jp', crmUserId: null, active: true },
    ],
  })) as { reps: { id: string }[] };
  await api('planner.assign', { weekStart, assignments: plan() });

  const outcomes = ['no_answer', 'voicemail', 'gatekeeper', 'connected', 'busy', 'no_answer', 'wrong_number', 'connected'];
  let n = 0;
  for (let day = 0; day < 4; day++) {
    for (let i = 0; i < 8; i++, n++) {
      const leadId = ids[(n * 7) % ids.length]!;
      await logCall(api, app, leadId, tokyo(day, 9, 35 + i * 3), outcomes[n % outcomes.length]!);
    }
  }
  // Monday: the prospect asked to be called back at 11:00 the same day; it was never made.
  await logCall(api, app, ids[1]!, tokyo(0, 10, 0), 'callback_requested', { callbackAt: tokyo(0, 11, 0).toISOString() });
  // Tuesday: a recycle for timing, and a qualified lead handed off with its hearing.
  await logCall(api, app, ids[2]!, tokyo(1, 14, 0), 'connected', {
    decision: { kind: 'recycle', reason: 'timing', until: tokyo(60, 9).toISOString() },
  });
  await logCall(api, app, ids[3]!, tokyo(1, 15, 0), 'connected');
  await api('hearing.save', {
    leadId: ids[3],
    hearing: {
      budget: { status: 'approved', amount: 3_000_000, confirmed: true },
      authority: { contactRole: 'decision_maker', confirmed: true },
      need: { requirements: '営業リストの一元管理と架電記録の共有', confirmed: true },
      timeline: { targetQuarter: '2025-Q3', confirmed: true },
    },
  });
  await api('handoff.create', {
    leadId: ids[3],
    fieldRepId: reps[0]!.id,
    appointmentAt: tokyo(8, 16).toISOString(),
    appointmentEnd: tokyo(8, 17).toISOString(),
    place: null,
    meetingUrl: null,
    summary: 'BANT確認済み。現行はExcel管理で架電記録が属人化。来期予算で導入を検討中。',
  });
  await app.setClock(seededNow);
}
