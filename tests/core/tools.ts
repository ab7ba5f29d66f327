import { existsSync } from 'node:fs';

/**
 * For checks that need a system tool (Chromium, poppler): true when one is missing, so a developer's
 * machine without it skips them. In CI (`CI` set) a missing tool is an error instead: a check that
 * silently skips there is a check that never runs.
 */
export function missingTools(...paths: string[]): boolean {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length && process.env.CI)
    throw new Error(`CI must provide ${missing.join(', ')} (see .ci/run): these checks may not be skipped in CI`);
  return missing.length > 0;
}
