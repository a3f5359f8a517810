import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering of docs/architecture.md lives in eslint.config.js as no-restricted-imports rules.
// These cases lint snippets as if they sat at the given paths, so a rule that stops firing fails here.
const eslint = new ESLint({ cwd: join(import.meta.dirname, '../..') });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

async function allProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('layering rules', () => {
  it.each([
    ['the renderer importing electron', 'renderer/src/stores/leads.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['the renderer importing the database', 'renderer/src/stores/leads.ts', "import { openDatabase } from '../../../electron/backend/db/open';\nexport const x = openDatabase;"],
    ['the renderer importing the database (shallower)', 'renderer/src/leads.ts', "import { openDatabase } from '../../electron/backend/db/open';\nexport const x = openDatabase;"],
    ['the renderer importing node:fs', 'renderer/src/lib/file.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['shared importing node:fs', 'shared/domain/queue.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['shared importing fs', 'shared/domain/queue.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;"],
    ['shared importing better-sqlite3-multiple-ciphers', 'shared/domain/queue.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;"],
    ['shared importing react', 'shared/domain/queue.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['a backend handler importing electron', 'electron/backend/app/callList/handlers.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['a backend entry importing electron', 'electron/backend/entry/utilityProcess.ts', "import { utilityProcess } from 'electron';\nexport const x = utilityProcess;"],
    ['the backend importing the renderer', 'electron/backend/app/x.ts', "import { x as y } from '../../../renderer/src/x';\nexport const x = y;"],
    ['main importing better-sqlite3-multiple-ciphers', 'electron/main.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;"],
    ['the preload importing a backend handler', 'electron/preload.ts', "import { callListHandlers } from './backend/app/callList/handlers';\nexport const x = callListHandlers;"],
    ['an adapter importing the database', 'electron/adapters/notify.ts', "import { openDatabase } from '../backend/db/open';\nexport const x = openDatabase;"],
    ['a re-export that crosses a layer', 'renderer/src/x.ts', "export { contextBridge } from 'electron';"],
    ['app/ importing sync/', 'electron/backend/app/calls/handlers.ts', "import { SyncEngine } from '../../sync/engine';\nexport const x = SyncEngine;"],
    ['app/ importing sync/ (shallower)', 'electron/backend/app/features.ts', "import { createSyncHandlers } from '../sync/handlers';\nexport const x = createSyncHandlers;"],
    ['sync/ importing app/', 'electron/backend/sync/engine.ts', "import { callHandlers } from '../app/calls/handlers';\nexport const x = callHandlers;"],
    ['sync/ importing app/ (deeper)', 'electron/backend/sync/pull/mergeLeads.ts', "import { requeueLead } from '../../app/queue/requeue';\nexport const x = requeueLead;"],
    ['core/ importing app/', 'electron/backend/core/outbox.ts', "import { callHandlers } from '../app/calls/handlers';\nexport const x = callHandlers;"],
    ['app/ still may not import electron', 'electron/backend/app/calls/handlers.ts', "import { app } from 'electron';\nexport const x = app;"],
  ])('%s is an error', async (_case, filePath, code) => {
    const errors = await layeringErrors(filePath, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Layering: /);
  });

  it.each([
    ['the renderer importing the contract', 'renderer/src/api/x.ts', "import { commandNames } from '../../../shared/contract';\nexport const n = commandNames.length;"],
    ['shared importing zod', 'shared/domain/x.ts', "import { z } from 'zod';\nexport const s = z.string();"],
    ['app/ and sync/ importing core/', 'electron/backend/sync/settings.ts', "import { readSetting } from '../core/settingsStore';\nimport type { BackendContext } from '../core/context';\nexport const x = readSetting as unknown as BackendContext;"],
    ['app/ importing the contract of sync', 'electron/backend/app/calls/handlers.ts', "import { syncCommands } from '../../../shared/contract/sync';\nexport const x = syncCommands;"],
    ['the backend importing node:fs and better-sqlite3-multiple-ciphers', 'electron/backend/db/x.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nimport { existsSync } from 'node:fs';\nexport const x = [Database, existsSync];"],
    ['main importing electron and the transport', 'electron/main.ts', "import { app } from 'electron';\nimport { backendPortChannel } from './backend/transport/messagePort';\nexport const x = [app, backendPortChannel];"],
    ['the preload importing electron and the contract', 'electron/preload.ts', "import { contextBridge } from 'electron';\nimport { commandNames } from '../shared/contract';\nexport const x = [contextBridge, commandNames];"],
  ])('%s is clean', async (_case, filePath, code) => {
    expect(await allProblems(filePath, code)).toEqual([]);
  });
});
