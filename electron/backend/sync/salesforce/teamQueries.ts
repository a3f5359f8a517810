import { callOutcomes } from '../../../../shared/contract/calls';
import type { SalesforceSettings } from '../../../../shared/contract/sync';
import type { TeamSelection } from '../../../../shared/contract/team';
import type { TeamCounts } from '../../../../shared/domain/kpi/team';
import type { TeamRange, TeamReader } from '../types';
import type { SalesforceApi } from './api';
import { soqlDateTime, soqlString } from './soql';

/**
 * The manager's team view read with SOQL aggregate queries (GROUP BY OwnerId / CreatedById,
 * COUNT, COUNT_DISTINCT, DAY_ONLY) over the Tasks, Events and Opportunities Koma made: the cost
 * does not grow with the number of calls, and only a little with the number of reps. An aggregate
 * query answers at most 2,000 rows and has no query locator (SOQL and SOSL Reference,
 * Considerations for GROUP BY): each query below is split into groups of reps small enough that its
 * rows cannot pass 2,000.
 */
export const aggregateRowLimit = 2000;

/** Rows a query can answer per rep at most, which decides how many reps one query may cover. */
const rowsPerRep = {
  calls: callOutcomes.length * 2, // outcome × conversation flag
  used: 1,
  planned: 31, // one per day of the month
  opportunities: 4, // accepted, meeting held, rejected, none
};

function chunks<T>(items: readonly T[], perRep: number): T[][] {
  const size = Math.max(1, Math.floor(aggregateRowLimit / perRep));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Requests one refresh costs for `reps` reps: the members (two for a public group: its members,
 * then their names), then per query one request for each group of reps it is split into, plus the
 * team-wide trend (2) and the rejected handoffs (1).
 */
export function teamRequestCount(reps: number, kind: TeamSelection['kind']): number {
  const per = (n: number) => Math.max(1, Math.ceil(reps / Math.floor(aggregateRowLimit / n)));
  return (kind === 'group' ? 2 : 1) + (reps === 0 ? 0 : per(rowsPerRep.calls) + per(rowsPerRep.used) + per(rowsPerRep.planned) + per(rowsPerRep.opportunities) + 3);
}

const ids = (values: readonly string[]) => values.map(soqlString).join(', ');
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function createSalesforceTeamReader(api: SalesforceApi, settings: () => SalesforceSettings): TeamReader {
  return {
    requestBound: teamRequestCount,
    async read(selection: TeamSelection, range: TeamRange, signal: AbortSignal): Promise<{ counts: TeamCounts; requests: number }> {
      const s = settings();
      const ext = s.externalIdField;
      let requests = 0;
      const query = async (soql: string) => {
        requests++;
        return api.query(soql, signal);
      };

      // Who is in the team.
      let userIds: string[];
      if (selection.kind === 'group') {
        const members = await query(`SELECT UserOrGroupId FROM GroupMember WHERE GroupId IN (${ids(selection.ids)})`);
        // A group may hold other groups; only users (ids starting 005) are reps.
        userIds = members.map((r) => str(r.UserOrGroupId)).filter((id) => id.startsWith('005'));
      } else {
        userIds = [];
      }
      const users =
        selection.kind === 'role'
          ? await query(`SELECT Id, Name FROM User WHERE IsActive = true AND UserRoleId IN (${ids(selection.ids)}) ORDER BY Name`)
          : userIds.length > 0 || selection.kind === 'users'
            ? await query(`SELECT Id, Name FROM User WHERE Id IN (${ids(selection.kind === 'users' ? selection.ids : userIds)}) ORDER BY Name`)
            : [];
      const members = users.map((u) => ({ userId: str(u.Id), name: str(u.Name) }));
      const empty: TeamCounts = { members, calls: [], usedSlots: s.activity.slotField ? [] : null, plannedSlots: [], opportunities: [], trendCalls: [], trendOpportunities: [], rejections: [] };
      if (members.length === 0) return { counts: empty, requests };

      const owners = members.map((m) => m.userId);
      const monthTasks = `${ext} != null AND TaskSubtype = 'Call' AND ActivityDate >= ${range.monthStart} AND ActivityDate < ${range.monthEnd}`;
      const conv = s.activity.conversationField;
      const counts = empty;
      for (const group of chunks(owners, rowsPerRep.calls)) {
        const rows = await query(
          `SELECT OwnerId, CallDisposition${conv ? `, ${conv}` : ''}, COUNT(Id) FROM Task WHERE OwnerId IN (${ids(group)}) AND ${monthTasks} GROUP BY OwnerId, CallDisposition${conv ? `, ${conv}` : ''}`,
        );
        for (const r of rows) counts.calls.push({ userId: str(r.OwnerId), outcome: str(r.CallDisposition), conversation: conv ? r[conv] === true : null, n: num(r.expr0) });
      }
      const slot = s.activity.slotField;
      if (slot) {
        for (const group of chunks(owners, rowsPerRep.used)) {
          const rows = await query(`SELECT OwnerId, COUNT_DISTINCT(${slot}) FROM Task WHERE OwnerId IN (${ids(group)}) AND ${monthTasks} GROUP BY OwnerId`);
          for (const r of rows) counts.usedSlots!.push({ userId: str(r.OwnerId), n: num(r.expr0) });
        }
      }
      for (const group of chunks(owners, rowsPerRep.planned)) {
        const rows = await query(
          `SELECT OwnerId, ActivityDate, COUNT(Id) FROM Event WHERE OwnerId IN (${ids(group)}) AND ${ext} != null AND ActivityDate >= ${range.monthStart} AND ActivityDate < ${range.monthEnd} GROUP BY OwnerId, ActivityDate`,
        );
        for (const r of rows) counts.plannedSlots.push({ userId: str(r.OwnerId), day: str(r.ActivityDate), n: num(r.expr0) });
      }
      // Handoffs: the Opportunity the rep's Koma created (or converted to), with field sales' answer.
      const stateField = s.opportunity.fields.fieldState;
      const states = s.opportunity.fieldStates;
      const stateOf = (v: unknown) => (v === states.accepted ? 'accepted' : v === states.meeting_held ? 'meeting_held' : v === states.rejected ? 'rejected' : null);
      const monthOpps = `${ext} != null AND CreatedDate >= ${soqlDateTime(range.monthStartAt)} AND CreatedDate < ${soqlDateTime(range.monthEndAt)}`;
      for (const group of chunks(owners, rowsPerRep.opportunities)) {
        const rows = await query(
          `SELECT CreatedById${stateField ? `, ${stateField}` : ''}, COUNT(Id), COUNT(NextStep) FROM Opportunity WHERE CreatedById IN (${ids(group)}) AND ${monthOpps} GROUP BY CreatedById${stateField ? `, ${stateField}` : ''}`,
        );
        for (const r of rows) counts.opportunities.push({ userId: str(r.CreatedById), state: stateField ? stateOf(r[stateField]) : null, n: num(r.expr0), appointments: num(r.expr1) });
      }
      // The trend, team-wide: rows per day, whatever the number of reps.
      const trendCalls = await query(
        `SELECT ActivityDate, CallDisposition, COUNT(Id) FROM Task WHERE OwnerId IN (${ids(owners)}) AND ${ext} != null AND TaskSubtype = 'Call' AND ActivityDate >= ${range.trendFrom} AND ActivityDate < ${range.monthEnd} GROUP BY ActivityDate, CallDisposition`,
      );
      for (const r of trendCalls) counts.trendCalls.push({ day: str(r.ActivityDate), outcome: str(r.CallDisposition), n: num(r.expr0) });
      const trendOpps = await query(
        `SELECT DAY_ONLY(CreatedDate), COUNT(Id) FROM Opportunity WHERE CreatedById IN (${ids(owners)}) AND ${ext} != null AND CreatedDate >= ${soqlDateTime(range.trendFromAt)} GROUP BY DAY_ONLY(CreatedDate)`,
      );
      for (const r of trendOpps) counts.trendOpportunities.push({ day: str(r.expr0), n: num(r.expr1) });
      // Rejected handoffs with field sales' reason (a long text field: read, not grouped).
      const reasonField = s.opportunity.fields.fieldReason;
      // Oldest first (LIMIT 200 a month is far above what a team sees), shown newest first.
      const rejected = stateField
        ? await query(
            `SELECT CreatedById, Name${reasonField ? `, ${reasonField}` : ''}, LastModifiedDate FROM Opportunity WHERE CreatedById IN (${ids(owners)}) AND ${monthOpps} AND ${stateField} = ${soqlString(states.rejected)} ORDER BY LastModifiedDate LIMIT 200`,
          )
        : [];
      counts.rejections = rejected
        .map((r) => ({ userId: str(r.CreatedById), opportunity: str(r.Name), reason: reasonField ? str(r[reasonField]) || null : null, at: new Date(str(r.LastModifiedDate)).toISOString() }))
        .reverse();
      return { counts, requests };
    },
  };
}
