import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../electron/core/domain/message-parser';
import { localDateTime } from '../../electron/core/domain/time';
import type { Extracted, ParsedMessage } from '../../electron/core/contract/message-parse';
import { openTestCore } from './helpers';
import { DISTRICTS, MESSAGES, REFERENCE_AT, type Expected, type Figure } from './fixtures/messages';

const ZONE = 'Asia/Shanghai';
const parse = (text: string) => parseMessage(text, { referenceAt: REFERENCE_AT, timeZone: ZONE, districts: DISTRICTS });

/** A figure as the corpus writes it: "20~" for an estimate. */
function figure(x: Extracted<number> | undefined): string | number | null {
  if (!x) return null;
  return x.estimate ? `${x.value}~` : x.value;
}

/** The parsed message in the corpus' terms, for the fields the corpus states. */
function asExpected(p: ParsedMessage, want: Expected): Expected {
  const all: Required<Expected> = {
    occurredAt: p.occurredAt ? localDateTime(p.occurredAt.value, ZONE) : null,
    place: p.place?.value ?? null,
    district: p.district?.value ?? null,
    category: p.category?.value ?? '',
    subtype: p.subtype?.value ?? '',
    casualties: Object.fromEntries(Object.entries(p.casualties).map(([k, v]) => [k, figure(v)])),
    loss: figure(p.economicLoss) as Figure | null,
    unit: p.sourceUnit?.value ?? null,
    person: p.sourcePerson?.value ?? null,
    phone: p.sourcePhone?.value ?? null,
  };
  return Object.fromEntries(Object.keys(want).map((k) => [k, all[k as keyof Expected]]));
}

describe('message parser corpus', () => {
  it('holds at least 40 messages in every style and kind', () => {
    expect(MESSAGES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(MESSAGES.map((m) => m.style))).toEqual(new Set(['district notice', 'SMS', 'phone note']));
    const subtypes = new Set(MESSAGES.map((m) => m.expect.subtype));
    for (const s of [
      '火灾',
      '危化品',
      '道路交通',
      '矿山',
      '洪涝',
      '森林火灾',
      '传染病疫情',
      '食物中毒',
      '群体性事件',
    ]) {
      expect(subtypes).toContain(s);
    }
  });

  it.each(MESSAGES.map((m, i) => [i + 1, m.text.slice(0, 24), m] as const))('#%i %s…', (_, __, m) => {
    const parsed = parse(m.text);
    expect(asExpected(parsed, m.expect)).toEqual(m.expect);
  });

  it('points every extracted value at the text it came from', () => {
    for (const { text } of MESSAGES) {
      const p = parse(text);
      for (const key of ['place', 'district', 'sourceUnit', 'sourcePerson', 'sourcePhone'] as const) {
        const x = p[key];
        if (x) expect(text.slice(x.span.start, x.span.end), `${key} in ${text}`).toBe(x.value);
      }
      const figures = [...Object.values(p.casualties), p.economicLoss, p.occurredAt];
      for (const x of figures) {
        if (!x) continue;
        expect(x.span.end).toBeGreaterThan(x.span.start);
        expect(x.span.end).toBeLessThanOrEqual(text.length);
      }
    }
  });
});

describe('message parser details', () => {
  it('reads Chinese numerals and marks 余/多/约 figures as estimates', () => {
    const p = parse('11月28日9时许，中山区某厂房发生火灾，造成两人死亡、十二人受伤、二十余人被困。');
    expect(p.casualties.deaths).toMatchObject({ value: 2 });
    expect(p.casualties.deaths?.estimate).toBeUndefined();
    expect(p.casualties.injured).toMatchObject({ value: 12 });
    expect(p.casualties.trapped).toMatchObject({ value: 20, estimate: true });
  });

  it('keeps the later figure of an update and ignores the "截至" time', () => {
    const p = parse('11月28日13时50分许，中山区某仓库发生爆炸。截至15时30分，死亡人数由2人增至3人。');
    expect(p.casualties.deaths?.value).toBe(3);
    expect(localDateTime(p.occurredAt!.value, ZONE)).toBe('2026-11-28 13:50');
  });

  it('reads a date later in the year than the reference as last year', () => {
    const p = parse('12月30日22时许，中山区某小区发生火灾。');
    expect(localDateTime(p.occurredAt!.value, ZONE)).toBe('2025-12-30 22:00');
  });

  it('reads a clock time later than now as yesterday', () => {
    const p = parse('23时10分，西岗区某饭店起火。');
    expect(localDateTime(p.occurredAt!.value, ZONE)).toBe('2026-11-27 23:10');
  });

  it('reads times in the duty room zone', () => {
    const p = parseMessage('11月28日13时50分，中山区某仓库发生火灾。', {
      referenceAt: REFERENCE_AT,
      timeZone: 'Asia/Urumqi',
      districts: DISTRICTS,
    });
    expect(p.occurredAt?.value).toBe('2026-11-28T07:50:00.000Z');
  });

  it('converts loss in 亿元 and 元 to 万元', () => {
    expect(parse('直接经济损失1.5亿元。').economicLoss?.value).toBe(15_000);
    expect(parse('直接经济损失300000元。').economicLoss?.value).toBe(30);
    expect(parse('直接经济损失三百万元。').economicLoss?.value).toBe(300);
  });

  it('finds only districts from the list it is given', () => {
    const p = parseMessage('11月28日9时，高新区某园区发生火灾。', {
      referenceAt: REFERENCE_AT,
      timeZone: ZONE,
      districts: ['高新区'],
    });
    expect(p.district?.value).toBe('高新区');
    expect(parse('11月28日9时，高新区某园区发生火灾。').district).toBeUndefined();
  });

  it('finds nothing in text that is not a notice, and reads full-width digits', () => {
    const nothing = parse('收到，谢谢。');
    expect(nothing).toEqual({ title: null, casualties: {} });
    const wide = parse('１１月２８日１３时５０分，中山区某仓库发生火灾，造成２人死亡。');
    expect(wide.casualties.deaths?.value).toBe(2);
    expect(localDateTime(wide.occurredAt!.value, ZONE)).toBe('2026-11-28 13:50');
  });

  it('proposes a title from place and event', () => {
    expect(parse(MESSAGES[0]!.text).title).toBe('中山区滨海西路某物流公司危险化学品仓库爆炸并引发火灾');
  });
});

describe('incidents.parseMessage', () => {
  it('reads against the clock and the districts and zone in Settings, storing nothing', async () => {
    const core = await openTestCore({ start: '2026-11-28T08:00:00Z' });
    await core.call('settings.update', { districts: ['滨海新区'] });
    const entries = (await core.call('app.info', {})).auditEntries;
    const p = await core.call('incidents.parseMessage', { text: '13时50分，滨海新区某仓库发生火灾，造成2人死亡。' });
    expect(p.district?.value).toBe('滨海新区');
    expect(p.occurredAt?.value).toBe('2026-11-28T05:50:00.000Z');
    expect(p.casualties.deaths?.value).toBe(2);
    expect((await core.call('app.info', {})).auditEntries).toBe(entries);
  });

  it('rejects an over-long paste as a validation error', async () => {
    const core = await openTestCore();
    const r = await core.service.invoke('incidents.parseMessage', { text: 'x'.repeat(10_001) });
    expect(r.ok ? null : r.error.code).toBe('validation');
  });
});
