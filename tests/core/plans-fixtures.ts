import type { PlanDocInput } from '../../electron/core/contract';
import type { TestCore } from './helpers';
import { chemicalFire } from './fixtures';

export function smallPlan(overrides: Partial<PlanDocInput> = {}): PlanDocInput {
  const item = (id: string, limitMinutes: number, action = id) => ({
    id,
    action,
    responsible: '值班室',
    contact: '8801',
    limitMinutes,
    required: true,
  });
  return {
    name: '测试预案',
    categories: ['accident'],
    subtypes: ['危化品'],
    levels: {
      I: [item('notify', 5), item('hq', 30), item('state', 60)],
      II: [item('notify', 5), item('hq', 30)],
      III: [item('notify', 10), item('verify', 20)],
      IV: [item('notify', 15)],
    },
    ...overrides,
  };
}

export async function errorOf(core: TestCore, method: string, input: unknown) {
  const r = await core.service.invokeRaw(method, input);
  if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
  return r.error;
}

export async function activate(core: TestCore, level: 'I' | 'II' | 'III' | 'IV' = 'III') {
  const inc = await core.call('incidents.create', chemicalFire());
  const plan = await core.call('plans.save', { doc: smallPlan() });
  const a = await core.call('activations.start', { incidentId: inc.id, planId: plan.id, level, orderedBy: '李副市长' });
  return { inc, plan, a };
}
