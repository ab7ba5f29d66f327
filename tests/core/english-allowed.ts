export function flatten(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? flatten(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]],
  );
}

/**
 * English strings that show Chinese on purpose, each for a reason; any other is an untranslated string
 * (tests/e2e/english.spec.ts allows on screen only the Chinese of these keys).
 */
export const ENGLISH_WITH_CHINESE: Record<string, string> = {
  'header.toggleLanguage': 'offers Chinese to a Chinese reader',
  'language.zh-CN': 'a language is named in itself',
  'paste.estimateHint': 'the Chinese words a pasted message marks estimates with',
  'reportingSettings.shortWindowHint': 'examples of Chinese sub-type text the setting matches',
  'reports.register.correctHint': 'the mark printed in the Chinese document',
  'settings.documents.numberPrefixHint': 'the number as printed in the Chinese document',
};
