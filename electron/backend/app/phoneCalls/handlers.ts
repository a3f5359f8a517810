import { phoneCallsPageSize } from '../../../../shared/contract/phoneCalls';
import { attachPhoneCall, detachPhoneCall, dismissPhoneCall } from '../../core/phoneCalls';
import type { FeatureHandlers } from '../../core/registry';
import { importCallLog } from './csvImport';
import { listPhoneCalls } from './queries';

/** The phone system's calls: the matching screen's list, the call-history import and the rep's corrections, each one transaction. */
export const phoneCallHandlers: FeatureHandlers = {
  'phoneCalls.list': (input, ctx) => ctx.db.transaction(() => listPhoneCalls(ctx.db, input.state, phoneCallsPageSize))(),
  'phoneCalls.import': (input, ctx) => importCallLog(ctx, Buffer.from(input.contentBase64, 'base64')),
  'phoneCalls.attach': (input, ctx) => {
    ctx.db.transaction(() => attachPhoneCall(ctx.db, ctx.clock.now(), input.phoneCallId, input.callId))();
    return {};
  },
  'phoneCalls.detach': (input, ctx) => {
    ctx.db.transaction(() => detachPhoneCall(ctx.db, ctx.clock.now(), input.phoneCallId))();
    return {};
  },
  'phoneCalls.dismiss': (input, ctx) => {
    ctx.db.transaction(() => dismissPhoneCall(ctx.db, ctx.clock.now(), input.phoneCallId))();
    return {};
  },
};
