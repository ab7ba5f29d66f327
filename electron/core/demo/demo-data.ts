import type { Casualties, Category, Level } from '../contract/incidents';
import type { Role } from '../contract/roster';

/** The demo duty room's people. Every demo PIN is DEMO_PIN (printed by the CLI and shown in the UI). */
export const DEMO_PIN = '123456';
export const DEMO_PEOPLE: { name: string; title: string; phone: string; roles: Role[] }[] = [
  { name: '王建国', title: '市政府副秘书长', phone: '13804110001', roles: ['leader'] },
  { name: '李红梅', title: '总值班室主任', phone: '13804110002', roles: ['leader'] },
  { name: '周志强', title: '总值班室副主任', phone: '13804110003', roles: ['leader', 'lead'] },
  { name: '张伟', title: '值班科长', phone: '13904110001', roles: ['lead', 'second'] },
  { name: '刘洋', title: '值班员', phone: '13904110002', roles: ['lead', 'second'] },
  { name: '陈静', title: '值班员', phone: '13904110003', roles: ['lead'] },
  { name: '赵磊', title: '值班员', phone: '13704110001', roles: ['second'] },
  { name: '孙丽', title: '值班员', phone: '13704110002', roles: ['second'] },
  { name: '黄磊', title: '值班员', phone: '13704110003', roles: ['second'] },
];

export interface DemoReport {
  kind: 'initial' | 'followup' | 'final';
  /** Minutes after receipt. */
  after: number;
  channel: 'phone' | 'fax' | 'edoc' | 'sms';
  changes?: string;
  aftermath?: string;
  /** Facts that changed before this report was sent. */
  amend?: { reason: string; casualties?: Partial<Casualties>; economicLoss?: number; measures?: string };
}

export interface DemoIncident {
  /** Days before today, and the local receipt time that day (today's incident: minutes before now). */
  daysAgo: number;
  at: string;
  /** Minutes from occurrence to receipt. */
  lead: number;
  title: string;
  place: string;
  district: string;
  category: Category;
  subtype: string;
  level: Level;
  sensitive?: boolean;
  sourceUnit: string;
  sourcePerson: string;
  sourcePhone: string;
  involvedUnit: string;
  casualties?: Partial<Casualties>;
  economicLoss: number | null;
  summary: string;
  measures: string;
  reports: DemoReport[];
  /** Plan to activate at this level (terminated with the 终报) and how many checklist items were done (99: all). */
  plan?: { name: string; level: 'I' | 'II' | 'III' | 'IV'; ticks: number };
  instruction?: { leader: string; text: string; relay?: string; feedback?: string };
}

export const DEMO_INCIDENTS: DemoIncident[] = [
  {
    daysAgo: 13,
    at: '09:10',
    lead: 40,
    title: '庄河市城山镇强降雨引发山洪',
    place: '庄河市城山镇某村河段',
    district: '庄河市',
    category: 'natural',
    subtype: '洪涝',
    level: 'IV',
    sourceUnit: '庄河市防汛抗旱指挥部办公室',
    sourcePerson: '周某',
    sourcePhone: '0411-89123456',
    involvedUnit: '不涉及',
    casualties: { evacuated: 126 },
    economicLoss: 85,
    summary: '受持续强降雨影响，庄河市城山镇某村河段发生漫堤，冲毁农田约200亩，转移群众126人，暂无人员伤亡。',
    measures: '庄河市启动防汛Ⅳ级应急响应，组织抢险队伍加固堤防，转移受威胁群众。',
    reports: [
      { kind: 'initial', after: 45, channel: 'fax' },
      {
        kind: 'final',
        after: 26 * 60,
        channel: 'edoc',
        aftermath: '河道水位已回落，转移群众全部返回，受损农田正在补种。',
      },
    ],
    plan: { name: '防汛应急预案', level: 'IV', ticks: 3 },
  },
  {
    daysAgo: 12,
    at: '14:30',
    lead: 20,
    title: '西岗区长江路两车相撞交通事故',
    place: '西岗区长江路与友好路交叉口',
    district: '西岗区',
    category: 'accident',
    subtype: '道路交通',
    level: 'IV',
    sourceUnit: '西岗区应急管理局',
    sourcePerson: '何某',
    sourcePhone: '0411-83334444',
    involvedUnit: '某物流公司',
    casualties: { deaths: 1, injured: 3 },
    economicLoss: 12,
    summary: '一辆重型货车与一辆小型客车在路口相撞，造成1人死亡、3人受伤，伤者已送医救治。',
    measures: '交警已封控现场、疏导交通，伤者送医，事故原因正在调查。',
    reports: [
      { kind: 'initial', after: 50, channel: 'fax' },
      { kind: 'final', after: 20 * 60, channel: 'edoc', aftermath: '伤者病情稳定，善后工作由西岗区政府负责。' },
    ],
  },
  {
    daysAgo: 11,
    at: '03:40',
    lead: 25,
    title: '瓦房店市某铁矿井下透水事故',
    place: '瓦房店市某铁矿井下',
    district: '瓦房店市',
    category: 'accident',
    subtype: '矿山',
    level: 'IV',
    sourceUnit: '瓦房店市应急管理局',
    sourcePerson: '赵某',
    sourcePhone: '0411-85551234',
    involvedUnit: '瓦房店市某矿业有限公司',
    casualties: { trapped: 4 },
    economicLoss: 300,
    summary: '井下发生透水，当班下井12人，已升井8人，4人被困，救援正在进行。',
    measures: '市应急管理局、矿山救护队赶赴现场，组织排水和搜救。',
    reports: [
      { kind: 'initial', after: 55, channel: 'fax' },
      {
        kind: 'followup',
        after: 8 * 60,
        channel: 'edoc',
        changes: '截至11时30分，被困4人中已救出3人，1人经抢救无效死亡。',
        amend: {
          reason: '救援进展',
          casualties: { trapped: 0, deaths: 1 },
          measures: '排水作业持续进行，被困人员已全部找到。',
        },
      },
      { kind: 'final', after: 3 * 24 * 60, channel: 'edoc', aftermath: '企业已停产整顿，事故调查组已成立。' },
    ],
  },
  {
    daysAgo: 10,
    at: '09:05',
    lead: 10,
    title: '部分购房群众在市政府门前聚集',
    place: '市政府门前',
    district: '中山区',
    category: 'social_security',
    subtype: '群体性事件',
    level: 'IV',
    sensitive: true,
    sourceUnit: '市信访局',
    sourcePerson: '吴某',
    sourcePhone: '0411-82001234',
    involvedUnit: '某房地产开发公司',
    economicLoss: 0,
    summary: '约50名群众在市政府门前聚集，反映某楼盘逾期交房问题，现场秩序基本平稳。',
    measures: '信访、住建部门负责人到场接待，公安机关维持秩序。',
    reports: [
      { kind: 'initial', after: 40, channel: 'fax' },
      {
        kind: 'final',
        after: 5 * 60,
        channel: 'edoc',
        aftermath: '聚集群众已于12时前全部离开，住建局牵头协调交房事宜。',
      },
    ],
    instruction: {
      leader: '王建国',
      text: '请市信访局、住建局做好解释疏导，防止事态扩大。',
      relay: '市信访局、市住建局',
      feedback: '群众已散去，住建局已约谈开发企业。',
    },
  },
  {
    daysAgo: 9,
    at: '19:40',
    lead: 15,
    title: '中山区某商业综合体餐饮店火灾',
    place: '中山区某商业综合体三楼',
    district: '中山区',
    category: 'accident',
    subtype: '火灾',
    level: 'IV',
    sourceUnit: '市消防救援支队',
    sourcePerson: '刘某',
    sourcePhone: '0411-82700119',
    involvedUnit: '某餐饮管理有限公司',
    casualties: { injured: 2, evacuated: 1000 },
    economicLoss: 60,
    summary: '商业综合体三楼一餐饮店起火，现场疏散群众约1000人，2人轻微受伤送医。',
    measures: '消防救援支队调派6车30人到场处置，明火已于20时15分扑灭。',
    reports: [
      { kind: 'initial', after: 35, channel: 'fax' },
      { kind: 'followup', after: 3 * 60, channel: 'edoc', changes: '明火已扑灭，2名伤者经检查无生命危险。' },
      { kind: 'final', after: 24 * 60, channel: 'edoc', aftermath: '商场已恢复营业，起火原因初步认定为厨房油锅起火。' },
    ],
    plan: { name: '人员密集场所火灾应急预案', level: 'IV', ticks: 4 },
  },
  {
    daysAgo: 8,
    at: '11:15',
    lead: 60,
    title: '沙河口区某中学学生疑似食物中毒',
    place: '沙河口区某中学',
    district: '沙河口区',
    category: 'public_health',
    subtype: '食物中毒',
    level: 'IV',
    sourceUnit: '沙河口区卫生健康局',
    sourcePerson: '郑某',
    sourcePhone: '0411-84112233',
    involvedUnit: '沙河口区某中学食堂',
    casualties: { injured: 32 },
    economicLoss: 0,
    summary: '该校32名学生午餐后陆续出现呕吐、腹泻等症状，均已送医，无危重病例。',
    measures: '卫健、市场监管部门已封存留样食品，开展流行病学调查。',
    reports: [
      { kind: 'initial', after: 45, channel: 'fax' },
      {
        kind: 'final',
        after: 2 * 24 * 60,
        channel: 'edoc',
        aftermath: '学生全部出院，检测结果为诺如病毒污染，食堂停业整改。',
      },
    ],
  },
  {
    daysAgo: 6,
    at: '12:45',
    lead: 15,
    title: '旅顺口区龙王塘街道森林火情',
    place: '旅顺口区龙王塘街道某山林',
    district: '旅顺口区',
    category: 'natural',
    subtype: '森林火灾',
    level: 'IV',
    sourceUnit: '旅顺口区森林防火指挥部',
    sourcePerson: '杨某',
    sourcePhone: '0411-86389999',
    involvedUnit: '不涉及',
    economicLoss: 15,
    summary: '龙王塘街道某山林发生火情，过火面积约20亩，暂无人员伤亡。',
    measures: '组织专业扑火队员80余人扑救，明火已于16时扑灭。',
    reports: [
      { kind: 'initial', after: 30, channel: 'fax' },
      { kind: 'followup', after: 4 * 60, channel: 'edoc', changes: '明火已于16时扑灭，转入清理看守阶段。' },
      { kind: 'final', after: 24 * 60, channel: 'edoc', aftermath: '火场已清理完毕，留守人员看守24小时无复燃。' },
    ],
    plan: { name: '森林火灾应急预案', level: 'IV', ticks: 3 },
  },
  {
    daysAgo: 5,
    at: '07:50',
    lead: 15,
    title: '甘井子区某化工企业液氨泄漏',
    place: '甘井子区某化工厂',
    district: '甘井子区',
    category: 'accident',
    subtype: '危化品',
    level: 'IV',
    sourceUnit: '甘井子区应急管理局',
    sourcePerson: '陈某',
    sourcePhone: '0411-86661234',
    involvedUnit: '甘井子区某化工有限公司',
    casualties: { injured: 3, evacuated: 200 },
    economicLoss: 40,
    summary: '该企业液氨管道阀门发生泄漏，3名工人吸入不适送医，周边200余名群众临时疏散。',
    measures: '企业已关闭阀门堵漏，环保部门开展大气监测，未发现超标。',
    reports: [
      { kind: 'initial', after: 40, channel: 'fax' },
      { kind: 'final', after: 10 * 60, channel: 'edoc', aftermath: '疏散群众已返回，企业停产检修。' },
    ],
  },
  {
    daysAgo: 4,
    at: '21:10',
    lead: 20,
    title: '普兰店区某村民房火灾',
    place: '普兰店区某村一民房',
    district: '普兰店区',
    category: 'accident',
    subtype: '火灾',
    level: 'IV',
    sourceUnit: '普兰店区政府值班室',
    sourcePerson: '钱某',
    sourcePhone: '0411-83112222',
    involvedUnit: '不涉及',
    casualties: { deaths: 2, injured: 1 },
    economicLoss: 20,
    summary: '某村一民房发生火灾，造成两人死亡、一人受伤。',
    measures: '消防救援大队已扑灭明火，公安、消防开展火灾原因调查。',
    reports: [
      { kind: 'initial', after: 50, channel: 'fax' },
      { kind: 'followup', after: 14 * 60, channel: 'edoc', changes: '伤者已转入市中心医院治疗，生命体征平稳。' },
      {
        kind: 'final',
        after: 2 * 24 * 60,
        channel: 'edoc',
        aftermath: '遇难者善后工作已完成，火灾原因认定为电气线路故障。',
      },
    ],
  },
  {
    daysAgo: 2,
    at: '15:25',
    lead: 13,
    title: '金州区某化工厂爆炸事故',
    place: '金州区某化工园区某化工厂',
    district: '金州区',
    category: 'accident',
    subtype: '危化品',
    level: 'III',
    sourceUnit: '金州区应急管理局',
    sourcePerson: '孙某',
    sourcePhone: '0411-87000000',
    involvedUnit: '金州区某精细化工有限公司',
    casualties: { deaths: 3, injured: 8, missing: 1, evacuated: 300 },
    economicLoss: 1200,
    summary: '该厂反应釜发生爆炸并引发火灾，截至15时40分已造成3人死亡、8人受伤、1人失踪。',
    measures: '市消防救援支队调派力量处置，市应急管理局、生态环境局赶赴现场，周边300名群众已疏散。',
    reports: [
      { kind: 'initial', after: 28, channel: 'fax' },
      { kind: 'followup', after: 4 * 60, channel: 'edoc', changes: '截至19时30分，明火已扑灭，失踪1人仍在搜寻中。' },
      {
        kind: 'followup',
        after: 20 * 60,
        channel: 'edoc',
        changes: '失踪人员已找到，确认死亡，死亡人数由3人增至4人。',
        amend: { reason: '失踪人员确认死亡', casualties: { deaths: 4, missing: 0 } },
      },
    ],
    plan: { name: '危险化学品事故应急预案', level: 'III', ticks: 99 },
    instruction: {
      leader: '王建国',
      text: '全力搜救失踪人员，严防次生灾害，及时续报进展。',
      relay: '市应急管理局、金州区政府',
      feedback: '搜救工作已完成，现场环境监测正常。',
    },
  },
  {
    daysAgo: 1,
    at: '08:55',
    lead: 15,
    title: '长海县某海域渔船侧翻',
    place: '长海县某海域',
    district: '长海县',
    category: 'accident',
    subtype: '水上交通',
    level: 'III',
    sourceUnit: '长海县应急管理局',
    sourcePerson: '林某',
    sourcePhone: '0411-89800000',
    involvedUnit: '长海县某渔业合作社',
    casualties: { missing: 3 },
    economicLoss: null,
    summary: '一艘渔船发生侧翻，船上12人落水，已救起9人，3人失踪。',
    measures: '海上搜救中心协调海警、渔政船只搜寻，附近渔船参与救助。',
    reports: [
      { kind: 'initial', after: 35, channel: 'fax' },
      {
        kind: 'followup',
        after: 10 * 60,
        channel: 'edoc',
        changes: '截至18时30分，失踪3人仍在搜寻中，搜救范围已扩大至周边20平方公里海域。',
      },
    ],
    instruction: {
      leader: '李红梅',
      text: '请海上搜救中心扩大搜救范围，每4小时报告一次进展。',
      relay: '市海上搜救中心',
    },
  },
  {
    daysAgo: 0,
    at: '-50',
    lead: 10,
    title: '西岗区某老旧小区燃气管道泄漏',
    place: '西岗区某老旧小区',
    district: '西岗区',
    category: 'accident',
    subtype: '燃气',
    level: 'IV',
    sourceUnit: '西岗区应急管理局',
    sourcePerson: '何某',
    sourcePhone: '0411-83334444',
    involvedUnit: '市燃气集团',
    casualties: { evacuated: 200 },
    economicLoss: null,
    summary: '小区燃气管道发生泄漏，燃气公司已关阀抢修，周边200余名居民临时疏散，无人员伤亡。',
    measures: '燃气公司关阀抢修，公安、消防到场警戒。',
    reports: [],
  },
];
