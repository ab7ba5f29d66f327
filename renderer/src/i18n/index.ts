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
  return i18next.t(`errors.${e.code}`, { ...e.params, defaultValue: i18next.t('errors.internal') });
}

export function fieldIssueText(issue: FieldIssue): string {
  return i18next.t(`errors.field.${issue.code}`, { ...issue.params, defaultValue: i18next.t('errors.field.invalid') });
}
