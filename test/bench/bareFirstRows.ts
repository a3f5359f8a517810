// The bare baseline of "process start → first rows": a Node process of its own that loads only the
// SQLite driver and the list's query, opens the encrypted store and reads one page. Bundled apart
// (scripts/bench.mjs) so it carries none of the bench's own code.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { callListPageSql } from '../../electron/backend/app/callList/queries';
import { openDatabase } from '../../electron/backend/db/open';
import { testDatabaseKey } from '../helpers/testKey';

const db = openDatabase(join(process.argv[2]!, 'koma.sqlite3'), testDatabaseKey);
db.prepare(callListPageSql.first).all({ pattern: null, source: null, limit: 100 });
console.log(performance.now().toFixed(1));
db.close();
