import type { DeadlineKind, Language } from '../core/contract';

/** Native notifications are shown by main, outside the renderer's i18next: the few words live here. */
const KIND: Record<Language, Record<DeadlineKind, string>> = {
  'zh-CN': { phone: '电话报告', written: '书面报告', followup: '续报', supplementary: '补报' },
  en: {
    phone: 'Phone report',
    written: 'Written report',
    followup: 'Follow-up report',
    supplementary: 'Supplementary report',
  },
};

export function overdueTitle(language: Language, kind: DeadlineKind): string {
  return language === 'en' ? `Overdue: ${KIND.en[kind]}` : `已超时：${KIND['zh-CN'][kind]}`;
}
