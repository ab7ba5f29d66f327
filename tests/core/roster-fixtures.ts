import type { TestCore } from './helpers';

/** Six people: two leaders, two lead officers (one may also be second), two second officers. */
export async function seedPeople(core: TestCore) {
  const save = (name: string, roles: ('leader' | 'lead' | 'second')[], phone: string) =>
    core.call('people.save', { name, unit: '市政府办公室', title: '', phones: [phone], roles });
  const leaders = [
    await save('王局长', ['leader'], '13800000001'),
    await save('李副秘书长', ['leader'], '13800000002'),
  ];
  const leads = [await save('张伟', ['lead', 'second'], '13900000001'), await save('刘洋', ['lead'], '13900000002')];
  const seconds = [await save('陈静', ['second'], '13700000001'), await save('赵磊', ['second'], '13700000002')];
  return { leaders, leads, seconds };
}

export async function generateNovember(core: TestCore, p: Awaited<ReturnType<typeof seedPeople>>) {
  return core.call('roster.generate', {
    month: '2026-11',
    rotations: {
      leader: p.leaders.map((x) => x.id),
      lead: p.leads.map((x) => x.id),
      second: p.seconds.map((x) => x.id),
    },
  });
}
