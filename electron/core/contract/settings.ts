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
  documentNumberPrefix: '',
  sensitiveMarking: '内部资料　注意保存',
  distribution: { bao: '', song: '', fa: '' },
  specialCc: '',
};
