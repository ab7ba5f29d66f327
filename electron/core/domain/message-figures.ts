import type { Extracted, ParsedCasualtyField, ParsedMessage } from '../contract/message-parse';
import { ESTIMATE_AFTER_SOURCE, ESTIMATE_BEFORE, NUMBER_SOURCE, parseNumber } from './message-numbers';

const FIELD_WORDS: [ParsedCasualtyField, string][] = [
  ['deaths', '死亡|遇难|身亡|罹难|殒命'],
  ['missing', '失踪|失联|下落不明'],
  ['seriouslyInjured', '重伤|危重|伤势严重|病情较重|病重'],
  ['trapped', '被困|受困|围困|被埋|被压'],
  ['injured', '受伤|轻伤|伤|不同程度受伤|送医|入院治疗|就医'],
];
const WORD_OF = new Map<string, ParsedCasualtyField>();
for (const [field, words] of FIELD_WORDS) for (const w of words.split('|')) WORD_OF.set(w, field);
const ALL_WORDS = [...WORD_OF.keys()].sort((a, b) => b.length - a.length).join('|');

const COUNT = `(${NUMBER_SOURCE})(${ESTIMATE_AFTER_SOURCE})(?:名|人|位)`;
/** "2人死亡" · "两名工人被困" · "二十余人不同程度受伤" · "3人经抢救无效死亡". */
const COUNT_THEN_WORD = new RegExp(`${COUNT}(?:[^，。；、,\\d]{0,6}?)(${ALL_WORDS})`, 'g');
/** "死亡2人" · "被困人员12人" · "死亡人数由2人增至3人". */
const WORD_THEN_COUNT = new RegExp(
  `(${ALL_WORDS})(?:人员|人数|群众|工人|者)?(?:由${NUMBER_SOURCE}(?:名|人)?)?(?:增至|升至|上升至|增加到|降至|减至|为|达到?|共|约|近)?${COUNT}`,
  'g',
);
/** SMS shorthand: "1死3伤". */
const SHORTHAND = new RegExp(`(\\d+)死(?:(\\d+)伤)?`, 'g');
const NO_CASUALTIES = /(暂)?(无|未造成|未发现|没有)人员(伤亡|死亡|受伤)/;

function estimateOf(text: string, start: number, after: string): boolean {
  return after !== '' || ESTIMATE_BEFORE.test(text.slice(Math.max(0, start - 2), start));
}

/**
 * Casualty figures. A figure stated twice (an update: "由2人增至3人") keeps the later statement. "暂无人员
 * 伤亡" reads as zero deaths and injured. Figures with 余/多/约/近 are flagged as estimates.
 */
export function findCasualties(text: string): ParsedMessage['casualties'] {
  const found: { field: ParsedCasualtyField; at: number; value: Extracted<number> }[] = [];
  const push = (field: ParsedCasualtyField, numText: string, after: string, start: number, end: number) => {
    const n = parseNumber(numText);
    if (n === null || !Number.isInteger(n)) return;
    const value: Extracted<number> = { value: n, span: { start, end } };
    if (estimateOf(text, start, after)) value.estimate = true;
    found.push({ field, at: start, value });
  };
  for (const m of text.matchAll(COUNT_THEN_WORD)) {
    push(WORD_OF.get(m[3]!)!, m[1]!, m[2]!, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(WORD_THEN_COUNT)) {
    // "约" between the word and the figure ("被困人员约20人") marks an estimate as well.
    const about = /约|近/.test(m[0]) ? '约' : '';
    push(WORD_OF.get(m[1]!)!, m[2]!, m[3]! || about, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(SHORTHAND)) {
    push('deaths', m[1]!, '', m.index, m.index + m[1]!.length + 1);
    if (m[2]) push('injured', m[2], '', m.index + m[1]!.length + 1, m.index + m[0].length);
  }
  const out: ParsedMessage['casualties'] = {};
  found.sort((a, b) => a.at - b.at);
  for (const f of found) out[f.field] = f.value;
  const none = NO_CASUALTIES.exec(text);
  if (none) {
    const span = { start: none.index, end: none.index + none[0].length };
    if (none[3] !== '受伤') out.deaths ??= { value: 0, span };
    if (none[3] !== '死亡') out.injured ??= { value: 0, span };
  }
  return out;
}

const LOSS = new RegExp(
  `(?:直接)?(?:经济)?损失(?:初步)?(?:估计|估算|预计|统计)?(?:为|达|约|近|超过|逾)?(?:约)?(${NUMBER_SOURCE})(余|多)?(亿元|万元|元)`,
);

/** Direct economic loss in 万元 ("直接经济损失约300万元", "损失1.2亿元"). */
export function findLoss(text: string): Extracted<number> | undefined {
  const m = LOSS.exec(text);
  if (!m) return undefined;
  const n = parseNumber(m[1]!);
  if (n === null) return undefined;
  const factor = m[3] === '亿元' ? 10_000 : m[3] === '元' ? 1 / 10_000 : 1;
  const value: Extracted<number> = {
    value: Math.round(n * factor * 100) / 100,
    span: { start: m.index, end: m.index + m[0].length },
  };
  if (m[2] || /约|近|估|预计|超过|逾/.test(m[0])) value.estimate = true;
  return value;
}
