import { z } from 'zod';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const COLOR_SCHEMES = ['auto', 'light', 'dark'] as const;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const text = (max: number) => z.string().trim().min(1).max(max);

export const settingsSchema = z
  .object({
    dutyRoomName: text(60),
    issuingOffice: text(60),
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isTimeZone, { params: { code: 'unknown_time_zone' } }),
    language: z.enum(LANGUAGES),
    colorScheme: z.enum(COLOR_SCHEMES),
    backupKeep: z.number().int().min(1).max(365),
    /** The districts (区县) under the duty room: the incident form's choices and what a pasted message is read for. */
    districts: z.array(text(30)).max(60),
    /**
     * Sub-types classed as road-traffic or fire accidents: their 补报 window is 7 days, not 30 (order 493
     * art. 13). A sub-type naming one of these counts.
     */
    shortWindowSubtypes: z.array(text(30)).max(50),
    /** Where reports go up by default (the incident's reporting recipient until a report names another). */
    reportRecipient: z.string().trim().max(100),
    /** 发文机关代字 of a 专报's number: "市值专" gives 市值专〔2026〕5号. */
    documentNumberPrefix: z.string().trim().max(20),
    /** Printed in the masthead of an issue that carries a sensitive incident. */
    sensitiveMarking: z.string().trim().min(1).max(30),
    /** Default 报/送/发 lines of a 值班信息 (the issuer may change them per issue). */
    distribution: z
      .object({ bao: z.string().trim().max(300), song: z.string().trim().max(300), fa: z.string().trim().max(300) })
      .strict(),
    /** 抄送 line of a 专报's 版记. */
    specialCc: z.string().trim().max(300),
    /** Where backups go ('' = backups/ beside the database); may be another disk. An absolute path. */
    backupDir: z
      .string()
      .trim()
      .max(500)
      .refine((s) => s === '' || /^([A-Za-z]:[\\/]|[\\/])/.test(s), { params: { code: 'absolute_path' } }),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateSchema = settingsSchema.partial().strict();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export const DEFAULT_SETTINGS: Settings = {
  dutyRoomName: '市人民政府总值班室',
  issuingOffice: '市人民政府总值班室',
  timeZone: 'Asia/Shanghai',
  language: 'zh-CN',
  colorScheme: 'auto',
  backupKeep: 30,
  districts: [
    '中山区',
    '西岗区',
    '沙河口区',
    '甘井子区',
    '旅顺口区',
    '金州区',
    '普兰店区',
    '瓦房店市',
    '庄河市',
    '长海县',
  ],
  shortWindowSubtypes: ['火灾', '火灾事故', '建筑火灾', '道路交通', '道路交通事故'],
  reportRecipient: '省人民政府总值班室',
  documentNumberPrefix: '',
  sensitiveMarking: '内部资料　注意保存',
  distribution: { bao: '', song: '', fa: '' },
  specialCc: '',
  backupDir: '',
};
