import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Messages } from './messages';
import { zhCN } from './zh-CN';

export type Language = 'zh-CN' | 'en';

/**
 * Simplified Chinese, the default, ships with the app's first script; other languages
 * load when a tablet uses them (their chunks are precached, so offline too).
 */
const otherLanguages: Record<Exclude<Language, 'zh-CN'>, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.en),
};

/** An i18next instance in Simplified Chinese; `switchLanguage` changes it. */
export function setupI18n() {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** Loads the language's messages if needed, then makes it the instance's language. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  if (language !== 'zh-CN' && !instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', await otherLanguages[language]());
  }
  if (instance.language !== language) await instance.changeLanguage(language);
}

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof zhCN };
  }
}
