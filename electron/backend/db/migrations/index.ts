import { initial } from './0001-initial';
import { callQueue } from './0002-call-queue';
import { hearingHandoff } from './0003-hearing-handoff';
import { behaviourUnique } from './0004-behaviour-unique';
import { sync } from './0005-sync';
import { readPaths } from './0006-read-paths';
import { japaneseIdentity } from './0007-japanese-identity';
import { queueSeek } from './0008-queue-seek';
import { kpiTallies } from './0009-kpi-tallies';
import { honestCallsLeadNotes } from './0010-honest-calls-lead-notes';
import { salesforceApiVersion } from './0011-salesforce-api-version';
import { importChunks } from './0012-import-chunks';
import { talkScripts } from './0013-talk-scripts';
import { leadMerges } from './0014-lead-merges';
import { leadSourceDetail } from './0015-lead-source-detail';
import { phoneCalls } from './0016-phone-calls';
import { requeueFrontier } from './0017-requeue-frontier';
import { followups } from './0018-followups';
import { leadWorkMonths } from './0019-lead-work-months';
import type { Migration } from './types';

/** In order; a migration's position is its schema version. Append only. */
export const migrations: readonly Migration[] = [initial, callQueue, hearingHandoff, behaviourUnique, sync, readPaths, japaneseIdentity, queueSeek, kpiTallies, honestCallsLeadNotes, salesforceApiVersion, importChunks, talkScripts, leadMerges, leadSourceDetail, phoneCalls, requeueFrontier, followups, leadWorkMonths];
