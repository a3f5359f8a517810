import type { CommandName } from './index';

/**
 * Where each command runs, declared once (docs/architecture.md, "Threads"):
 * - `read`: on a reader thread with a read-only connection (WAL gives it a consistent snapshot
 *   while the writer writes), so a list, a lead or a report never waits behind an import or a sync;
 * - `backup`: on the backup thread, whose own read-only connection copies the store (db/pacedCopy.ts)
 *   without holding up anyone;
 * - everything else is `write`: on the one writer thread, in order. A new command is a write
 *   unless it is listed here, so adding a handler is as easy as ever, and a command listed as a
 *   read that writes fails loudly on its read-only connection instead of racing the writer.
 */
export const readCommands = [
  'app.info',
  'callList.page',
  'queue.next',
  'lead.get',
  'leads.search',
  'duplicates.list',
  'hearing.get',
  'handoff.get',
  'handoff.list',
  'handoff.exportIcs',
  'handoff.export',
  'fieldReps.list',
  'planner.week',
  'kpi.report',
  'kpi.goal',
  'settings.get',
  'calendar.get',
  'reference.get',
  'import.preview',
  'backup.list',
  'talk.get',
  'talk.forLead',
  'talk.export',
  'kpi.objections',
  'followup.templates.get',
  'phoneCalls.list',
  'followup.context',
] as const satisfies readonly CommandName[];

export const backupLaneCommands = ['backup.create'] as const satisfies readonly CommandName[];

export type ReadCommand = (typeof readCommands)[number] | (typeof backupLaneCommands)[number];
export type CommandLane = 'read' | 'write' | 'backup';

const lanes = new Map<string, CommandLane>([
  ...readCommands.map((name) => [name, 'read'] as const),
  ...backupLaneCommands.map((name) => [name, 'backup'] as const),
]);

export function laneOf(command: CommandName): CommandLane {
  return lanes.get(command) ?? 'write';
}
