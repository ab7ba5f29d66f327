import type { Extracted } from '../contract/message-parse';

/** Endings of a unit's name: what is left after one of these is a person's name. */
const UNIT_END =
  '(?:应急管理局|管理局|局|委员会|委|办公室|办|支队|大队|中队|队|站|所|院|中心|公司|集团|政府|街道|镇|乡|村|社区|值班室|厂|矿|医院|分局|派出所|指挥部|防指|森防指)';

const UNIT_LABEL = new RegExp(`(?:报告单位|报送单位|来电单位|信息来源)[:：]\\s*([^，。；;,\\s]{2,40})`);
const PERSON_LABEL = new RegExp(`(?:报告人|报送人|联系人|来电人|信息员)[:：]?\\s*([^，。；;,\\s（(]{2,40})`);
/** "接中山区应急管理局电话报告" · "据甘井子区政府值班室报告". */
const RECEIVED_FROM = new RegExp(
  `(?:接|据|收到)(?:到)?([^，。；;,:：\\s]{2,30}${UNIT_END})(?:值班员|工作人员)?([^，。；;,\\s]{0,4}?)(?:电话|短信|来电|报告|报|通报|反映)`,
);
const SMS_HEAD = /^\s*【([^】]{2,30})】/;
/** A note that opens with its sender: "沙河口区卫健局报告：…", "市卫健委：…". */
const OPENING_UNIT = new RegExp(`^\\s*([^，。；;,:：\\s【]{2,30}${UNIT_END})(?:报告|通报|反映|来电|报)?[:：]`);
const PHONE =
  /(?:(?:联系)?电话|手机|联系方式|Tel|TEL|tel)[:：]?\s*((?:\+?86[- ]?)?(?:1[3-9][\dxX*]{9}|0\d{2,3}[-－—]?[\dxX*]{7,8}|[\dxX*]{7,8}))/;
const BARE_PHONE = /(?<![\d\w])(1[3-9]\d{9}|0\d{2,3}-[\dxX*]{7,8})(?![\d\w])/;

function at<T>(value: T, start: number, end: number): Extracted<T> {
  return { value, span: { start, end } };
}

/** A "unit + name" run ("中山区应急管理局张某") split at the last unit ending; a bare name stays a name. */
function splitUnitPerson(token: string, offset: number): { unit?: Extracted<string>; person?: Extracted<string> } {
  const m = new RegExp(`^(.*${UNIT_END})(.{2,4})$`).exec(token);
  if (m) {
    return {
      unit: at(m[1]!, offset, offset + m[1]!.length),
      person: at(m[2]!, offset + m[1]!.length, offset + token.length),
    };
  }
  if (new RegExp(`${UNIT_END}$`).test(token)) return { unit: at(token, offset, offset + token.length) };
  return token.length <= 4 ? { person: at(token, offset, offset + token.length) } : {};
}

/** Who reported it: unit, person and phone, from labels, an SMS signature or "接…电话报告". */
export function findSource(text: string): {
  sourceUnit?: Extracted<string>;
  sourcePerson?: Extracted<string>;
  sourcePhone?: Extracted<string>;
} {
  const out: ReturnType<typeof findSource> = {};
  const person = PERSON_LABEL.exec(text);
  if (person) {
    // "市民李女士": the caller's standing is not part of the name.
    const standing = /^(?:市民|居民|群众|村民|网民)/.exec(person[1]!)?.[0] ?? '';
    const start = person.index + person[0].length - person[1]!.length + standing.length;
    const split = splitUnitPerson(person[1]!.slice(standing.length), start);
    out.sourcePerson = split.person;
    out.sourceUnit = split.unit;
    // "报告人：张某（中山区应急管理局）": the unit in brackets.
    const bracket = /^[（(]([^）)]{2,30})[）)]/.exec(text.slice(person.index + person[0].length));
    if (bracket && !out.sourceUnit) {
      const s = person.index + person[0].length + 1;
      out.sourceUnit = at(bracket[1]!, s, s + bracket[1]!.length);
    }
  }
  const unit = UNIT_LABEL.exec(text);
  if (unit) {
    const start = unit.index + unit[0].length - unit[1]!.length;
    out.sourceUnit = at(unit[1]!, start, start + unit[1]!.length);
  }
  if (!out.sourceUnit) {
    const from = RECEIVED_FROM.exec(text);
    if (from) {
      const start = from.index + from[0].indexOf(from[1]!);
      out.sourceUnit = at(from[1]!, start, start + from[1]!.length);
      const name = from[2]!;
      if (!out.sourcePerson && name.length >= 2) {
        const s = start + from[1]!.length + from[0].slice(from[0].indexOf(from[1]!) + from[1]!.length).indexOf(name);
        out.sourcePerson = at(name, s, s + name.length);
      }
    }
  }
  if (!out.sourceUnit) {
    const open = OPENING_UNIT.exec(text);
    if (open) {
      const start = text.indexOf(open[1]!);
      out.sourceUnit = at(open[1]!, start, start + open[1]!.length);
    }
  }
  if (!out.sourceUnit) {
    const sms = SMS_HEAD.exec(text);
    if (sms) {
      const start = text.indexOf(sms[1]!);
      out.sourceUnit = at(sms[1]!, start, start + sms[1]!.length);
    }
  }
  const phone = PHONE.exec(text) ?? BARE_PHONE.exec(text);
  if (phone) {
    const start = phone.index + phone[0].length - phone[1]!.length;
    out.sourcePhone = at(phone[1]!, start, start + phone[1]!.length);
  }
  return out;
}
