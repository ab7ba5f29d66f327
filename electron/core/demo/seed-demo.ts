import {
  AppError,
  type DemoSummary,
  type MethodName,
  type MethodInput,
  type MethodOutput,
  type Person,
} from '../contract';
import type { Clock } from '../db/clock';
import { fromLocalDateTime, localDate } from '../domain/time';
import type { Service } from '../service';
import { DEMO_INCIDENTS, DEMO_PEOPLE, DEMO_PIN, type DemoIncident } from './demo-data';

/** A clock the seeding moves to each event's time, so records carry the times they would have had. */
class SeedClock implements Clock {
  constructor(private t: number) {}
  now() {
    return new Date(this.t);
  }
  set(iso: string | number) {
    this.t = new Date(iso).getTime();
  }
}

const MIN = 60_000;

/**
 * Fills an empty duty room with a realistic fortnight through the service methods — people with PINs, the
 * roster, incidents with their calls, report chains, instructions and plan responses, signed and reviewed
 * handovers, and a 值班信息 for yesterday — so the console can be tried as it is used. `makeService` builds a
 * service over the same database with the given clock (passed in so this module does not import the
 * service it runs on).
 */
export async function seedDemo(makeService: (clock: Clock) => Promise<Service>, now: Date): Promise<DemoSummary> {
  const clock = new SeedClock(now.getTime() - 15 * 24 * 60 * MIN);
  const service = await makeService(clock);
  const call = async <M extends MethodName>(m: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const r = await service.invoke(m, input);
    if (!r.ok) throw new AppError(r.error.code, { ...r.error.params, method: m });
    return r.value as MethodOutput<M>;
  };
  const settings = await call('settings.get', {});
  const tz = settings.timeZone;
  const existing = await call('incidents.list', { limit: 1 });
  if (existing.total > 0 || (await call('people.list', { includeInactive: true })).length > 0) {
    throw new AppError('conflict', { reason: 'not_empty' });
  }

  const people: Person[] = [];
  for (const p of DEMO_PEOPLE) {
    const saved = await call('people.save', {
      name: p.name,
      unit: settings.dutyRoomName,
      title: p.title,
      phones: [p.phone],
      roles: p.roles,
    });
    await call('people.setPin', { id: saved.id, pin: DEMO_PIN });
    people.push(saved);
  }
  const ids = (role: 'leader' | 'lead' | 'second') =>
    people.filter((p, i) => DEMO_PEOPLE[i]!.roles[0] === role).map((p) => p.id);
  const months = new Set(
    [localDate(new Date(now.getTime() - 15 * 24 * 60 * MIN), tz), localDate(now, tz)].map((d) => d.slice(0, 7)),
  );
  for (const month of months) {
    await call('roster.generate', {
      month,
      rotations: { leader: ids('leader'), lead: ids('lead'), second: ids('second') },
    });
  }

  const today = localDate(now, tz);
  const dayOf = (daysAgo: number) => {
    const t = new Date(`${today}T12:00:00Z`).getTime() - daysAgo * 24 * 60 * MIN;
    return new Date(t).toISOString().slice(0, 10);
  };
  const at = (daysAgo: number, hhmm: string) => fromLocalDateTime(`${dayOf(daysAgo)} ${hhmm}`, tz)!;
  /** The lead officer on duty at that moment identifies as the operator, as at the desk. */
  const actAs = async (iso: string, role: 'lead' | 'leader' = 'lead') => {
    clock.set(iso);
    const duty = await call('duty.now', {});
    const person = duty[role][0];
    if (person) await call('operator.switch', { personId: person.id, pin: DEMO_PIN });
    return duty;
  };

  let reports = 0;
  const plans = await call('plans.list', {});
  for (const spec of DEMO_INCIDENTS) {
    const receivedAt =
      spec.daysAgo === 0 ? new Date(now.getTime() + Number(spec.at) * MIN).toISOString() : at(spec.daysAgo, spec.at);
    reports += await seedIncident(spec, receivedAt, {
      call,
      actAs,
      clock,
      plans,
      now,
      recipient: settings.reportRecipient,
    });
  }

  // Handovers of the last four mornings: drafted, signed by both officers, reviewed by the leader.
  let handovers = 0;
  for (let d = 4; d >= 1; d--) {
    await actAs(at(d - 1, '08:20'));
    const draft = await call('handover.draft', {});
    if (!draft.outgoing || !draft.incoming || draft.status !== 'draft') continue;
    await call('handover.save', {
      id: draft.id,
      notices: d === 1 ? '长海县渔船侧翻失踪人员仍在搜寻，注意跟进搜救进展并按时续报。' : '各类值班设备运行正常。',
      equipment: { phone: 'ok', fax: 'ok', video: 'ok', satellite: 'ok', note: '' },
      notes: '',
      outgoingPersonId: draft.outgoing.id,
      incomingPersonId: draft.incoming.id,
    });
    clock.set(at(d - 1, '08:30'));
    await call('handover.sign', { id: draft.id, side: 'outgoing', personId: draft.outgoing.id, pin: DEMO_PIN });
    await call('handover.sign', { id: draft.id, side: 'incoming', personId: draft.incoming.id, pin: DEMO_PIN });
    if (draft.leader) {
      clock.set(at(d - 1, '09:00'));
      await call('handover.review', {
        id: draft.id,
        personId: draft.leader.id,
        pin: DEMO_PIN,
        comment: '已阅，按交接事项抓好落实。',
      });
    }
    handovers++;
  }

  // The 值班信息 of yesterday's shift, as the director would export it in the morning.
  await actAs(at(0, '08:40'));
  clock.set(Math.min(now.getTime(), new Date(at(0, '09:00')).getTime()));
  let dailyReport: DemoSummary['dailyReport'] = null;
  try {
    const daily = await call('exports.dailyReport', { period: { date: dayOf(1) }, format: 'docx' });
    dailyReport = { fileName: daily.fileName, base64: daily.base64 };
  } catch {
    // A demo without its 值班信息 is still a demo; the console itself can export one.
  }
  // Leave the operator on duty now at the desk.
  clock.set(now.getTime());
  await actAs(now.toISOString());
  return {
    people: people.length,
    incidents: DEMO_INCIDENTS.length,
    reports,
    handovers,
    pin: DEMO_PIN,
    dailyReport,
  };
}

type Call = <M extends MethodName>(m: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
interface SeedTools {
  call: Call;
  actAs: (iso: string, role?: 'lead' | 'leader') => Promise<MethodOutput<'duty.now'>>;
  clock: SeedClock;
  plans: MethodOutput<'plans.list'>;
  now: Date;
  recipient: string;
}

async function seedIncident(spec: DemoIncident, receivedAt: string, t: SeedTools): Promise<number> {
  const { call, clock } = t;
  const received = new Date(receivedAt).getTime();
  const iso = (minutes: number) => new Date(Math.min(received + minutes * MIN, t.now.getTime() - MIN)).toISOString();
  const duty = await t.actAs(receivedAt);
  const c = { deaths: 0, missing: 0, seriouslyInjured: 0, injured: 0, trapped: 0, evacuated: 0, ...spec.casualties };
  const incoming = await call('calls.create', {
    incidentId: null,
    at: receivedAt,
    direction: 'in',
    party: `${spec.sourceUnit} ${spec.sourcePerson}`,
    number: spec.sourcePhone,
    gist: spec.summary,
  });
  const inc = await call('incidents.create', {
    title: spec.title,
    occurredAt: new Date(received - spec.lead * MIN).toISOString(),
    receivedAt,
    sourceUnit: spec.sourceUnit,
    sourcePerson: spec.sourcePerson,
    sourcePhone: spec.sourcePhone,
    involvedUnit: spec.involvedUnit,
    place: spec.place,
    district: spec.district,
    category: spec.category,
    subtype: spec.subtype,
    level: spec.level,
    sensitive: spec.sensitive ?? false,
    casualties: c,
    economicLoss: spec.economicLoss,
    summary: spec.summary,
    cause: '',
    measures: spec.measures,
    leadersNotified: duty.leader.map((p) => p.name).join('、'),
  });
  await call('calls.link', { id: incoming.id, incidentId: inc.id });
  let version = inc.version;
  let activationId: number | null = null;
  const plan = spec.plan && t.plans.find((p) => p.name === spec.plan!.name);
  if (spec.plan && plan) {
    clock.set(iso(20));
    const a = await call('activations.start', {
      incidentId: inc.id,
      planId: plan.id,
      level: spec.plan.level,
      orderedBy: duty.leader[0]?.name ?? '带班领导',
      note: '',
    });
    activationId = a.id;
    for (const item of a.items.slice(0, spec.plan.ticks)) {
      clock.set(iso(30 + item.seq * 5));
      await call('checklist.tick', { itemId: item.id, note: '' });
    }
  }
  if (spec.instruction) {
    const i = spec.instruction;
    clock.set(iso(25));
    const ins = await call('instructions.create', {
      incidentId: inc.id,
      leader: i.leader,
      givenAt: iso(25),
      text: i.text,
    });
    if (i.relay) {
      clock.set(iso(35));
      await call('instructions.addAction', {
        instructionId: ins.id,
        kind: 'relay',
        at: iso(35),
        party: i.relay,
        text: '已电话传达',
      });
    }
    if (i.feedback) {
      clock.set(iso(180));
      await call('instructions.addAction', {
        instructionId: ins.id,
        kind: 'feedback',
        at: iso(180),
        party: i.relay ?? '',
        text: i.feedback,
      });
    }
  }
  let sent = 0;
  for (const r of spec.reports) {
    const when = iso(r.after);
    const d = await t.actAs(when);
    if (r.amend) {
      const amended = await call('incidents.amend', {
        id: inc.id,
        expectedVersion: version,
        reason: r.amend.reason,
        changes: {
          ...(r.amend.casualties && { casualties: { ...c, ...r.amend.casualties } }),
          ...(r.amend.economicLoss !== undefined && { economicLoss: r.amend.economicLoss }),
          ...(r.amend.measures && { measures: r.amend.measures }),
        },
      });
      version = amended.version;
    }
    if (r.kind === 'final' && activationId) {
      await call('activations.terminate', { id: activationId, orderedBy: d.leader[0]?.name ?? '带班领导', note: '' });
    }
    const draft = await call('reports.draft', { incidentId: inc.id, kind: r.kind });
    if (r.changes || r.aftermath) {
      await call('reports.update', {
        id: draft.id,
        ...(r.changes && { changes: r.changes }),
        ...(r.aftermath && { aftermath: r.aftermath }),
      });
    }
    await call('calls.create', {
      incidentId: inc.id,
      at: when,
      direction: 'out',
      party: t.recipient,
      number: '',
      gist: `电话报告${spec.title}有关情况`,
    });
    await call('reports.send', {
      id: draft.id,
      sentAt: when,
      channel: r.channel,
      recipientUnit: t.recipient,
      approvingLeader: d.leader[0]?.name ?? '带班领导',
      sender: d.lead[0]?.name ?? '值班员',
      ...(spec.economicLoss === null && {
        override: { leader: d.leader[0]?.name ?? '带班领导', reason: '经济损失正在核实' },
      }),
    });
    sent++;
  }
  return sent;
}
