import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../../renderer/src/i18n/resources';
import { ERROR_CODES } from '../../electron/core/contract';
import { ROOT } from './built';

function flatten(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('locales', () => {
  const zhKeys = new Set(flatten(resources['zh-CN'].translation));
  const enKeys = new Set(flatten(resources.en.translation));

  it('zh-CN and en have exactly the same keys', () => {
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('every error code the core can return has a message in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(zhKeys.has(`errors.${code}`), code).toBe(true);
      expect(enKeys.has(`errors.${code}`), code).toBe(true);
    }
  });

  it('every literal t("…") key used in the renderer exists', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'renderer/src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        if (!zhKeys.has(m[1]!)) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
