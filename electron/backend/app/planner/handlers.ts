import { KomaError } from '../../../../shared/contract';
import { weekGrid, weekStartOf } from '../../../../shared/domain/slots/grid';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { BackendContext } from '../../core/context';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs, writeSetting } from '../../core/settingsStore';
import { withSlotEvents } from './slotEvents';
import { readPlan, weekView, type StoredPlan } from './week';

const statements = perDatabase((db: Db) => ({
  upsert: db.prepare(
    `INSERT INTO slots (id, starts_at, ends_at, kind, target, created_at, updated_at) VALUES (@id, @startsAt, @endsAt, @kind, @target, @at, @at)
     ON CONFLICT(starts_at) DO UPDATE SET kind = excluded.kind, target = excluded.target, ends_at = excluded.ends_at, updated_at = excluded.updated_at`,
  ),
  // Calls made in a slot stay attached to it by time; the stored link goes when the plan does.
  detach: db.prepare('UPDATE calls SET slot_id = NULL WHERE slot_id IN (SELECT id FROM slots WHERE starts_at = ?)'),
  clear: db.prepare('DELETE FROM slots WHERE starts_at = ?'),
}));

function clearSlot(db: Db, startsAt: string): void {
  statements(db).detach.run(startsAt);
  statements(db).clear.run(startsAt);
}

function requireMonday(date: string): void {
  if (new Date(`${date}T12:00:00Z`).getUTCDay() !== 1) {
    throw new KomaError('invalid_input', `${date} is not a Monday; weeks start on Monday.`, [{ path: 'weekStart', message: 'must be a Monday' }]);
  }
}

/** Writes a week's plan: `plan` by (day offset, slot index) onto the week starting `weekStart`. */
function writeWeek(ctx: BackendContext, weekStart: string, plan: Map<string, StoredPlan>): void {
  const s = statements(ctx.db);
  const at = ctx.clock.now().toISOString();
  const grid = weekGrid(weekStart, readSetting(ctx.db, settingSpecs.workWeek), readSetting(ctx.db, settingSpecs.calendar));
  withSlotEvents(ctx, grid.map((slot) => slot.startsAt), () => {
    for (const slot of grid) {
      const dayOffset = Math.round((Date.parse(`${slot.date}T00:00:00Z`) - Date.parse(`${weekStart}T00:00:00Z`)) / 86_400_000);
      const planned = plan.get(`${dayOffset}:${slot.index}`);
      if (planned) s.upsert.run({ id: ctx.ids.next(), startsAt: slot.startsAt, endsAt: slot.endsAt, kind: planned.kind, target: planned.target ? JSON.stringify(planned.target) : null, at });
      else clearSlot(ctx.db, slot.startsAt);
    }
  });
}

/** A week's plan keyed by (day offset, slot index), so it can be laid onto another week. */
function planByPosition(ctx: BackendContext, weekStart: string): Map<string, StoredPlan> {
  const grid = weekGrid(weekStart, readSetting(ctx.db, settingSpecs.workWeek), readSetting(ctx.db, settingSpecs.calendar));
  const plan = readPlan(ctx.db, grid);
  const out = new Map<string, StoredPlan>();
  for (const slot of grid) {
    const p = plan.get(slot.startsAt);
    if (!p) continue;
    const dayOffset = Math.round((Date.parse(`${slot.date}T00:00:00Z`) - Date.parse(`${weekStart}T00:00:00Z`)) / 86_400_000);
    out.set(`${dayOffset}:${slot.index}`, p);
  }
  return out;
}

export const plannerHandlers: FeatureHandlers = {
  'planner.week': (input, ctx) => {
    const weekStart = input.weekStart ?? weekStartOf(ctx.clock.now(), readSetting(ctx.db, settingSpecs.workWeek).timeZone);
    requireMonday(weekStart);
    return ctx.db.transaction(() => weekView(ctx, weekStart))();
  },

  'planner.assign': (input, ctx) =>
    ctx.db.transaction(() => {
      requireMonday(input.weekStart);
      const grid = weekGrid(input.weekStart, readSetting(ctx.db, settingSpecs.workWeek), readSetting(ctx.db, settingSpecs.calendar));
      const byStart = new Map(grid.map((g) => [Date.parse(g.startsAt), g]));
      const s = statements(ctx.db);
      const at = ctx.clock.now().toISOString();
      const slots = input.assignments.map((a, i) => {
        const slot = byStart.get(Date.parse(a.startsAt));
        if (!slot) throw new KomaError('invalid_input', `${a.startsAt} is not a slot of this week's working hours (or falls on a closed day).`, [{ path: `assignments.${i}.startsAt`, message: 'not a slot of this week' }]);
        return slot;
      });
      // Call blocks reach the CRM as Events, queued with the change (moves and deletions too).
      withSlotEvents(ctx, [...new Set(slots.map((slot) => slot.startsAt))], () =>
        input.assignments.forEach((a, i) => {
          const slot = slots[i]!;
          if (a.kind === null) clearSlot(ctx.db, slot.startsAt);
          else s.upsert.run({ id: ctx.ids.next(), startsAt: slot.startsAt, endsAt: slot.endsAt, kind: a.kind, target: a.target ? JSON.stringify(a.target) : null, at });
        }),
      );
      return weekView(ctx, input.weekStart);
    })(),

  'planner.copyWeek': (input, ctx) =>
    ctx.db.transaction(() => {
      requireMonday(input.from);
      requireMonday(input.to);
      writeWeek(ctx, input.to, planByPosition(ctx, input.from));
      return weekView(ctx, input.to);
    })(),

  'planner.saveTemplate': (input, ctx) =>
    ctx.db.transaction(() => {
      requireMonday(input.weekStart);
      const slots = [...planByPosition(ctx, input.weekStart)].map(([key, p]) => {
        const [dayOffset, index] = key.split(':').map(Number) as [number, number];
        return { dayOffset, index, kind: p.kind, target: p.target };
      });
      const templates = readSetting(ctx.db, settingSpecs.slotTemplates).filter((t) => t.name !== input.name);
      writeSetting(ctx.db, settingSpecs.slotTemplates, [...templates, { name: input.name, slots }], ctx.clock.now().toISOString());
      return weekView(ctx, input.weekStart);
    })(),

  'planner.applyTemplate': (input, ctx) =>
    ctx.db.transaction(() => {
      requireMonday(input.weekStart);
      const template = readSetting(ctx.db, settingSpecs.slotTemplates).find((t) => t.name === input.name);
      if (!template) throw new KomaError('not_found', `No week template named "${input.name}".`);
      writeWeek(ctx, input.weekStart, new Map(template.slots.map((s) => [`${s.dayOffset}:${s.index}`, { kind: s.kind, target: s.target }])));
      return weekView(ctx, input.weekStart);
    })(),

  'planner.saveWorkWeek': (input, ctx) =>
    ctx.db.transaction(() => {
      writeSetting(ctx.db, settingSpecs.workWeek, input.workWeek, ctx.clock.now().toISOString());
      return weekView(ctx, weekStartOf(ctx.clock.now(), input.workWeek.timeZone));
    })(),
};

