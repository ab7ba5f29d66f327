import type { Extracted, TextSpan } from '../contract/message-parse';

/** Verbs that end the place in "<time>，<place>发生…": 发生 and the verbs that stand for it. */
const EVENT_VERB =
  '发生|突发|突降|遭受|遭遇|引发|起火|着火|失火|燃起|冒烟|聚集|上访|出现|发现|报告|举办|爆炸|爆燃|坍塌|倒塌|垮塌|冒顶|透水|泄漏|相撞|追尾|侧翻|翻车|坠落|被困|有(?!限)|多名|一(?:名|辆|艘|部|座|栋|处|家|间|户|农户)';
const PLACE_BEFORE_VERB = new RegExp(`([^，。；;,:：\\n】]{2,60}?)(?:内|处|附近)?(${EVENT_VERB})`, 'g');
/** Leading words that are not part of the place. */
const LEAD =
  /^(?:\s|许|左右|前后|在|于|位于|据报|据悉|经核实|接报|有群众报警称?|群众报警称?|报警称?|称|我区|我县|我市)+/;
/** "约30名群众在市政府门前聚集": the place is after the last 在. */
const AT_WORD = /(?:在(?!建)|于|位于)/g;
/** Places start with a place word; a run without one ("消防救援支队已调派力量") is not a place. */
const PLACE_WORD =
  /[省市区县镇乡村街路道巷号楼层院园场站港口湾岛山河湖库桥隧井矿厂司店馆校段线速处口区域小区大厦广场门前]|高速|国道|省道|K\d/;
const NOT_PLACE = /^(?:人员|群众|现场|目前|已|正在|截至|共|其中|报告人|电话|经|消防|救援|公安|医疗)/;

export function findPlace(text: string, after: number): Extracted<string> | undefined {
  for (const m of text.slice(after).matchAll(PLACE_BEFORE_VERB)) {
    let raw = m[1]!;
    let start = after + m.index;
    const lead = LEAD.exec(raw);
    if (lead) {
      start += lead[0].length;
      raw = raw.slice(lead[0].length);
    }
    let lastAt = -1;
    for (const a of raw.matchAll(AT_WORD)) lastAt = a.index + a[0].length;
    if (lastAt > 0 && raw.length - lastAt >= 2 && !PLACE_WORD.test(raw.slice(0, lastAt))) {
      start += lastAt;
      raw = raw.slice(lastAt);
    }
    // A place does not end with a connective or a people word ("…仓库一名工人", "…附近的").
    raw = raw
      .replace(
        /(?:的|一|有|约|名|陆续|先后|相继|突然|已|又|[一二两三四五六七八九十\d]+名?(?:群众|工人|村民|人员|学生)?)$/,
        '',
      )
      .trimEnd();
    if (raw.length < 2 || NOT_PLACE.test(raw) || !PLACE_WORD.test(raw)) continue;
    return { value: raw, span: { start, end: start + raw.length } };
  }
  return undefined;
}

/** The first district from Settings named in the text, preferring one inside the place. */
export function findDistrict(
  text: string,
  districts: readonly string[],
  place?: TextSpan,
): Extracted<string> | undefined {
  let best: Extracted<string> | undefined;
  const names = [...districts].filter((d) => d.trim().length >= 2).sort((a, b) => b.length - a.length);
  for (const name of names) {
    let i = text.indexOf(name);
    while (i >= 0) {
      const found = { value: name, span: { start: i, end: i + name.length } };
      const inPlace = place && i >= place.start && i < place.end;
      if (inPlace) return found;
      if (!best || i < best.span.start) best = found;
      i = text.indexOf(name, i + 1);
    }
  }
  return best;
}

/** The event words after 发生 ("爆炸并引发火灾"), to compose a title with the place. */
export function findEvent(text: string, from: number): string | null {
  const m = /(?:发生|突发)(?:一起|一次|了)?([^，。；;,]{2,20})/.exec(text.slice(from));
  return m ? m[1]! : null;
}
