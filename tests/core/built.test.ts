import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT, staleBuild } from './built';
import { tempDir } from './helpers';

function put(root: string, file: string, at: Date): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), '');
  utimesSync(join(root, file), at, at);
}

describe('tests of the built hosts refuse a stale build', () => {
  it('names a missing entry, then a source edited after the build, and accepts a fresh build', () => {
    const root = tempDir();
    put(root, 'electron/core/service.ts', new Date('2026-11-23T01:00:00Z'));
    expect(staleBuild(root)).toMatch(/out\/main\/index\.js.* missing/);
    for (const f of BUILT) put(root, f, new Date('2026-11-23T02:00:00Z'));
    expect(staleBuild(root)).toBeNull();
    put(root, 'renderer/src/features/incidents/IncidentForm.tsx', new Date('2026-11-23T03:00:00Z'));
    expect(staleBuild(root)).toBe('renderer/src/features/incidents/IncidentForm.tsx is newer than the build in out/');
  });
});
