import { describe, expect, it } from 'vitest';
import { dayWithIncidents } from './documents-fixtures';

describe('daily report: 应急预案启动情况 from the plans feature', () => {
  it('lists responses in force during the period, terminated ones included', async () => {
    const { core } = await dayWithIncidents();
    const fire = (await core.call('incidents.list', {})).items.find((i) => i.title.includes('化工厂'))!;
    const plan = (await core.call('plans.list', {})).find((p) => p.name.includes('危险化学品'))!;
    core.clock.advance(15 * 60_000);
    const a = await core.call('activations.start', {
      incidentId: fire.id,
      planId: plan.id,
      level: 'III',
      orderedBy: '李副市长',
      at: '2026-11-23T01:30:00Z',
    });
    core.clock.advance(60 * 60_000);
    await core.call('activations.terminate', { id: a.id, orderedBy: '李副市长' });

    const day = await core.call('exports.preview', { kind: 'daily', period: { date: '2026-11-23' } });
    expect(day.missingSections).toEqual([]);
    expect(day.html).toContain(`针对大江化工园区某化工厂火灾：11月23日9时30分，经李副市长决定启动${plan.name}Ⅲ级响应`);
    expect(day.html).toMatch(/Ⅲ级响应；\d+时\d\d分终止；处置事项已完成\d+项、共\d+项/);

    const before = await core.call('exports.preview', { kind: 'daily', period: { date: '2026-11-22' } });
    expect(before.html).not.toContain(plan.name);
  });
});
