import { KomaError } from '../../../../shared/contract';
import { emptyHearing, type Hearing } from '../../../../shared/contract/hearing';
import type { HearingView } from '../../../../shared/contract/handoff';
import { evaluateQualification } from '../../../../shared/domain/qualification/evaluate';
import type { BackendContext } from '../../core/context';
import { requireLead } from '../leads/rows';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import { hearingHistory, hearingVersion, saveHearing } from './versions';

function view(ctx: BackendContext, leadId: string, chosen?: number): HearingView {
  const lead = requireLead(ctx.db, leadId);
  const criteria = readSetting(ctx.db, settingSpecs.qualificationCriteria);
  const history = hearingHistory(ctx.db, leadId);
  const shown = chosen === undefined ? history[0] : (hearingVersion(ctx.db, leadId, chosen) ?? undefined);
  if (chosen !== undefined && !shown) throw new KomaError('not_found', `This lead has no hearing version ${chosen}.`);
  const hearing: Hearing = shown?.hearing ?? emptyHearing;
  return {
    hearing,
    version: shown?.version ?? null,
    open: shown ? shown.sealedAt === null : true,
    qualification: evaluateQualification(hearing, lead.score, criteria),
    criteria,
    history: history.map((v) => ({
      version: v.version,
      callId: v.callId,
      author: v.author,
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
      sealedAt: v.sealedAt,
      confirmed: { budget: v.hearing.budget.confirmed, authority: v.hearing.authority.confirmed, need: v.hearing.need.confirmed, timeline: v.hearing.timeline.confirmed },
    })),
  };
}

export const hearingHandlers: FeatureHandlers = {
  'hearing.get': (input, ctx) => ctx.db.transaction(() => view(ctx, input.leadId, input.version ?? undefined))(),

  /** Autosaved from the form; lands in the open version, so typing does not spray versions. */
  'hearing.save': (input, ctx) =>
    ctx.db.transaction(() => {
      const lead = requireLead(ctx.db, input.leadId);
      if (lead.status === 'excluded') throw new KomaError('conflict', 'This lead is excluded; restore it before recording a hearing.');
      const at = ctx.clock.now().toISOString();
      const author = readSetting(ctx.db, settingSpecs.profile).repName;
      saveHearing(ctx.db, { leadId: lead.id, hearing: input.hearing, author, at, newId: () => ctx.ids.next() });
      return { ...view(ctx, lead.id), savedAt: at };
    })(),
};
