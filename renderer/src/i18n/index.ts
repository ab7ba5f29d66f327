import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ApiErrorShape, FieldIssue, Language } from '@contract';
import { resources } from './resources';

export { resources };

export function initI18n(language: Language = 'zh-CN') {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  } else if (i18next.language !== language) {
    void i18next.changeLanguage(language);
  }
  document.documentElement.lang = language;
  return i18next;
}

/** Error codes use dots as namespaces, which i18next reads as nesting. */
export function errorText(e: ApiErrorShape): string {
  const params: Record<string, unknown> = { ...e.params };
  // The core names missing report fields in Chinese (for the CLI); the UI names them in its language.
  if (e.code === 'report.missing_fields' && e.issues?.length) {
    params.fields = e.issues.map((i) => i18next.t(`incident.field.${i.path}`)).join(i18next.t('common.listSeparator'));
  }
  return i18next.t(`errors.${e.code}`, { ...params, defaultValue: i18next.t('errors.internal') });
}

export function fieldIssueText(issue: FieldIssue): string {
  return i18next.t(`errors.field.${issue.code}`, { ...issue.params, defaultValue: i18next.t('errors.field.invalid') });
}
