import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WITNESS_HEADER, witnessFileOf } from '../../electron/core/audit/witness';
import { openTestCore } from './helpers';

describe('verify: witness heads out of order (two writers appending after their commits)', () => {
  it('accepts every head whatever its place, and names the entry after the last agreed head for a wrong one', async () => {
    const core = await openTestCore();
    const ids: number[] = [];
    for (const name of ['一', '二', '三', '四', '五']) {
      await core.call('settings.update', { dutyRoomName: `值班室${name}` });
      ids.push((await core.call('app.info', {})).auditHead!.id);
    }
    const hashOf = (id: number) => core.db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(id) as string;
    const write = (lines: [number, string][]) =>
      writeFileSync(witnessFileOf(core.file), [WITNESS_HEADER, ...lines.map(([id, h]) => `${id} ${h}`), ''].join('\n'));
    const order = [1, 0, 3, 2, 4];

    write(order.map((i) => [ids[i]!, hashOf(ids[i]!)]));
    const ok = await core.call('audit.verify', {});
    expect(ok).toMatchObject({ ok: true, witnessed: 5 });

    // The second head (written late, after the head of the entry that followed it) is wrong: the last
    // head agreed on by then is the first line's, so the entry after it is named.
    write(order.map((i) => [ids[i]!, i === 0 ? 'f'.repeat(64) : hashOf(ids[i]!)]));
    const bad = await core.call('audit.verify', {});
    expect(bad.firstProblem).toEqual({ kind: 'witness_mismatch', entryId: ids[1]! + 1 });
    expect(bad.problems).toBe(1);
    core.db.close();
  });
});
