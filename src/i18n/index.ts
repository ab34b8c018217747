import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AllMessages, Messages } from './messages';
import { zhCN } from './zh-CN';
import type { zhCNScreens } from './zh-CN-screens';

export type Language = 'zh-CN' | 'en';

/**
 * Simplified Chinese, the default, ships with the app's first script; other languages
 * load when a tablet uses them (their chunks are precached, so offline too).
 */
const otherLanguages: Record<Exclude<Language, 'zh-CN'>, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.en),
};

/**
 * The door's messages ship with the first script; those of the screens that load when
 * opened (./zh-CN-screens) load with them (`loadScreenMessages`), into every instance.
 */
let screenMessages: typeof zhCNScreens | null = null;
const instances = new Set<i18n>();

/** An i18next instance in Simplified Chinese; `switchLanguage` changes it. */
export function setupI18n() {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    initAsync: false,
    ...missingKeyReport,
  });
  if (screenMessages) addScreenMessages(instance, screenMessages);
  instances.add(instance);
  return instance;
}

/** Loads the Simplified Chinese of the lazily loaded screens; call it as one of them loads. */
export async function loadScreenMessages(): Promise<void> {
  if (!screenMessages) screenMessages = (await import('./zh-CN-screens')).zhCNScreens;
  for (const instance of instances) addScreenMessages(instance, screenMessages);
}

/** Deep: the door's and the screens' messages share namespaces (door.*, hall.*, sync.*). */
function addScreenMessages(instance: i18n, messages: typeof zhCNScreens) {
  instance.addResourceBundle('zh-CN', 'translation', messages, true, false);
}

/**
 * Outside production a message asked for before it is loaded is reported: a part of the
 * first paint using a message of ./zh-CN-screens would show its key (a test watches this).
 */
const missingKeyReport =
  import.meta.env.MODE === 'production'
    ? {}
    : {
        saveMissing: true,
        missingKeyHandler: (_languages: readonly string[], _ns: string, key: string) =>
          console.warn(`missing message: ${key}`),
      };

/** A screen's module, once its messages are loaded too (for `React.lazy`). */
export function withScreenMessages<M>(module: Promise<M>): Promise<M> {
  return Promise.all([module, loadScreenMessages()]).then(([m]) => m);
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
    resources: { translation: AllMessages };
  }
}
