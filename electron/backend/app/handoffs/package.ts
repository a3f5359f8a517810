import type { HandoffPackage } from '../../../../shared/contract/handoff';
import type { CallOutcome } from '../../../../shared/contract/calls';
import { emptyHearing } from '../../../../shared/contract/hearing';
import { evaluateQualification } from '../../../../shared/domain/qualification/evaluate';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { BackendContext } from '../../core/context';
import { leadDetail } from '../leads/detail';
import { latestHearing } from '../hearing/versions';
import { readSetting, settingSpecs } from '../../core/settingsStore';

const statements = perDatabase((db: Db) => ({
  calls: db.prepare<[string], { started_at: string; outcome: string; notes: string; duration_sec: number | null }>(
    'SELECT started_at, outcome, notes, duration_sec FROM calls WHERE lead_id = ? ORDER BY started_at DESC LIMIT 100',
  ),
}));

/**
 * Everything the field rep needs, frozen at the moment of the handoff: company, contact, the BANT
 * hearing with its confirmations, prep notes, the call history and the score breakdown.
 */
export function assemblePackage(ctx: BackendContext, leadId: string): HandoffPackage {
  const detail = leadDetail(ctx, leadId);
  const hearing = latestHearing(ctx.db, leadId);
  const criteria = readSetting(ctx.db, settingSpecs.qualificationCriteria);
  const heard = hearing?.hearing ?? emptyHearing;
  const { company, lead } = detail;
  return {
    assembledAt: ctx.clock.now().toISOString(),
    company: { name: company.name, reading: company.nameReading, website: company.website, industry: company.industry, employees: company.employees, address: company.address, phone: company.phone },
    contact: { name: lead.fullName, reading: lead.nameReading, title: lead.title, department: lead.department, phone: lead.phone, email: lead.email },
    hearing: heard,
    hearingVersion: hearing?.version ?? null,
    qualification: evaluateQualification(heard, detail.score.total, criteria),
    prepNotes: company.prepNotes,
    calls: statements(ctx.db)
      .calls.all(leadId)
      .map((c) => ({ at: c.started_at, outcome: c.outcome as CallOutcome, notes: c.notes, durationSec: c.duration_sec })),
    score: detail.score,
  };
}
