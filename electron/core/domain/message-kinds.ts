import type { Category } from '../contract/incidents';
import type { Extracted } from '../contract/message-parse';

/**
 * Sub-type recognition, most specific first: a chemical warehouse explosion that "引发火灾" is a 危化品
 * accident, a hill fire is a 森林火灾 (natural) rather than a 火灾, and so on. Sub-type names are the ones
 * the incident form offers (SUBTYPES in the contract).
 */
const KINDS: { subtype: string; category: Category; words: RegExp }[] = [
  {
    subtype: '危化品',
    category: 'accident',
    words: /危险化学品|危化品|化工|液氨|氯气|硫化氢|苯|储罐|槽罐车?泄漏|有毒气体泄漏|烟花爆竹|民爆/,
  },
  {
    subtype: '森林火灾',
    category: 'natural',
    words: /森林|山火|林火|草原火灾|山林|林地|林区|林场|荒山起火|过火面积约?\d+亩/,
  },
  { subtype: '矿山', category: 'accident', words: /煤矿|矿井|井下|非煤矿山|金矿|铁矿|尾矿|透水|冒顶|瓦斯/ },
  { subtype: '一氧化碳中毒', category: 'public_health', words: /一氧化碳中毒|煤气中毒/ },
  { subtype: '燃气', category: 'accident', words: /燃气|天然气|液化气|液化石油气|煤气/ },
  { subtype: '环境污染', category: 'accident', words: /污染|死鱼|排污|油污|油品泄漏/ },
  { subtype: '水上交通', category: 'accident', words: /渔船|船舶|沉船|客船|货轮|翻船|游船/ },
  { subtype: '淹溺', category: 'accident', words: /落水|溺水|溺亡/ },
  { subtype: '食物中毒', category: 'public_health', words: /食物中毒|食源性|就餐后|用餐后|进食后|宴席|聚餐/ },
  { subtype: '动物疫情', category: 'public_health', words: /禽流感|非洲猪瘟|口蹄疫|病死/ },
  {
    subtype: '传染病疫情',
    category: 'public_health',
    words: /疫情|传染病|聚集性|发热病例|诺如|手足口|流感|确诊病例|感染/,
  },
  {
    subtype: '群体性事件',
    category: 'social_security',
    words: /聚集(?!性|场所)|上访|信访|讨薪|讨要|堵路|堵门|围堵|拉横幅|维权/,
  },
  { subtype: '治安事件', category: 'social_security', words: /持刀|伤人|砍人|纵火|嫌疑人/ },
  {
    subtype: '道路交通',
    category: 'accident',
    words: /交通事故|车祸|相撞|追尾|侧翻|翻车|撞上|撞击|坠桥|坠入|大客车|货车|高速公路|国道/,
  },
  { subtype: '建筑施工', category: 'accident', words: /施工|工地|脚手架|塔吊|基坑|在建/ },
  { subtype: '特种设备', category: 'accident', words: /电梯|锅炉|起重机|压力容器/ },
  { subtype: '职业中毒', category: 'public_health', words: /职业中毒|一氧化碳中毒|中毒/ },
  {
    subtype: '洪涝',
    category: 'natural',
    words: /洪水|洪涝|内涝|强降雨|暴雨|山洪|积水|河水暴涨|漫堤|溃坝|溃堤|水库.{0,6}险情|险情/,
  },
  { subtype: '地质灾害', category: 'natural', words: /滑坡|泥石流|山体崩塌|崩塌|地面塌陷|地裂缝/ },
  { subtype: '台风', category: 'natural', words: /台风/ },
  { subtype: '地震', category: 'natural', words: /地震|震级/ },
  { subtype: '网络舆情', category: 'social_security', words: /舆情|网传|网络热议|视频在网上/ },
  { subtype: '火灾', category: 'accident', words: /火灾|起火|着火|失火|火情|燃烧|冒烟|爆燃/ },
];

export function findKind(text: string): { category?: Extracted<Category>; subtype?: Extracted<string> } {
  for (const k of KINDS) {
    const m = k.words.exec(text);
    if (!m) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    return { category: { value: k.category, span }, subtype: { value: k.subtype, span } };
  }
  return {};
}
