import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './built';

/**
 * The boundaries of docs/architecture.md are held by eslint.config.mjs. Each rule is proven here by
 * linting a planted import as if it sat in the folder: the bad one must be refused, the good one kept.
 */
// The planted files exist only in memory, outside every tsconfig: the type-aware rules (promises) cannot
// run on them and are not what this proves, so they are off here; the import rules are the real config's.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
    },
  },
});

async function refused(filePath: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${source}\nexport const planted = 1;\n`, { filePath });
  return result!.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

const cases: { folder: string; file: string; bad: string[]; good: string[] }[] = [
  {
    folder: 'contract (zod and itself only)',
    file: 'electron/core/contract/planted.ts',
    bad: [
      "import Database from 'better-sqlite3';",
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "import { openDatabase } from '../db/open';",
      "import { deadlineStatus } from '../domain';",
    ],
    good: ["import { z } from 'zod';", "import type { Level } from './incidents';"],
  },
  {
    folder: 'domain (contract and itself only, pure)',
    file: 'electron/core/domain/planted.ts',
    bad: [
      "import { join } from 'node:path';",
      "import Database from 'better-sqlite3';",
      "import { createIncident } from '../incidents/incident-repo';",
      "import { AuditLog } from '../audit/chain';",
    ],
    good: ["import type { Level } from '../contract';", "import { localParts } from './time';"],
  },
  {
    folder: 'core (no electron, UI or host)',
    file: 'electron/core/incidents/planted.ts',
    bad: [
      "import { app } from 'electron';",
      "import { useState } from 'react';",
      "import { Button } from '@mantine/core';",
      "import { wireIpc } from '../../main/ipc';",
      "import { createWebHost } from '../../web/server';",
    ],
    good: ["import type Database from 'better-sqlite3';", "import { AppError } from '../contract';"],
  },
  {
    folder: 'migrations (frozen: no feature code)',
    file: 'electron/core/db/migrations/070-planted.ts',
    bad: [
      "import { seedSamplePlans } from '../../plans/samples';",
      "import { savePlan } from '../../plans/plan-repo';",
      "import { planFileSchema } from '../../contract/plans';",
    ],
    good: [
      "import type { Migration } from './types';",
      "import samples from './030-sample-plans.json';",
      "import type { AuditLog } from '../../audit/chain';",
    ],
  },
  {
    folder: 'renderer (@contract and @domain only)',
    file: 'renderer/src/features/incidents/planted.ts',
    bad: [
      "import { openDatabase } from '../../../../electron/core/db/open';",
      "import { contract } from '../../../../electron/core/contract';",
      "import { ipcRenderer } from 'electron';",
      "import Database from 'better-sqlite3';",
      "import { readFileSync } from 'node:fs';",
      // Toasts only through components/toast, which never stacks the same message twice.
      "import { notifications } from '@mantine/notifications';",
    ],
    good: [
      "import type { Incident } from '@contract';",
      "import { deadlineStatus } from '@domain';",
      "import { toast } from '../../components/toast';",
    ],
  },
  {
    folder: 'Electron main (core only through the composition root)',
    file: 'electron/main/planted.ts',
    bad: [
      "import { getSettings } from '../core/settings/settings-repo';",
      "import { createIncident } from '../core/incidents/incident-repo';",
      "import { createService } from '../core/service';",
      "import { openDatabase } from '../core/db/open';",
      "import Database from 'better-sqlite3';",
      "import { openCore } from '../core/open-core';",
    ],
    good: [
      "import { app } from 'electron';",
      "import type { PdfPrinter } from '../core/open-core';",
      "import { defaultDataDir } from '../core/data-dir';",
      "import type { ApiService } from '../core/contract/service';",
      "import { deadlineStatus } from '../core/domain';",
    ],
  },
  {
    folder: 'utility process (core only through the composition root)',
    file: 'electron/utility/planted.ts',
    bad: ["import { listIncidents } from '../core/incidents/list-query';", "import Database from 'better-sqlite3';"],
    good: ["import { openCore } from '../core/open-core';"],
  },
  {
    folder: 'web host (no electron, core through the root)',
    file: 'electron/web/planted.ts',
    bad: [
      "import { app } from 'electron';",
      "import { BrowserWindow } from 'electron/main';",
      "import { getSettings } from '../core/settings/settings-repo';",
      "import { electronPdfPrinter } from '../main/pdf';",
    ],
    good: ["import { openCore } from '../core/open-core';", "import { createServer } from 'node:http';"],
  },
  {
    folder: 'CLI (no electron, core through the root)',
    file: 'electron/cli/planted.ts',
    bad: [
      "import { dialog } from 'electron';",
      "import { backupDatabase } from '../core/backup/backup';",
      "import Database from 'better-sqlite3';",
    ],
    good: [
      "import { openCore, restoreCore } from '../core/open-core';",
      "import { parseCommonArgs } from '../core/args';",
    ],
  },
  {
    folder: 'preload (electron and the channel names only)',
    file: 'electron/preload/planted.ts',
    bad: ["import { contract } from '../core/contract';", "import { readFileSync } from 'node:fs';"],
    good: ["import { contextBridge } from 'electron';", "import { INVOKE_CHANNEL } from '../core/contract/channels';"],
  },
];

describe('lint holds the boundaries', () => {
  for (const c of cases) {
    it(`${c.folder}: refuses each planted bad import, keeps the good ones`, async () => {
      for (const bad of c.bad) expect({ bad, refused: await refused(c.file, bad) }).toEqual({ bad, refused: true });
      for (const good of c.good)
        expect({ good, refused: await refused(c.file, good) }).toEqual({ good, refused: false });
    });
  }
});
