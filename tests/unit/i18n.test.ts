import { describe, expect, it } from 'vitest';
import { loadScreenMessages, setupI18n, switchLanguage } from '../../src/i18n';

describe('messages', () => {
  it('start in Simplified Chinese with only the default language loaded', () => {
    const i18n = setupI18n();
    expect(i18n.t('app.title')).toBe('入口防疫检查');
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
  });

  it('load English when a tablet switches to it, and switch back', async () => {
    const i18n = setupI18n();
    await switchLanguage(i18n, 'en');
    expect(i18n.language).toBe('en');
    expect(i18n.t('app.title')).toBe('Entrance checkpoint');
    await switchLanguage(i18n, 'zh-CN');
    expect(i18n.t('app.title')).toBe('入口防疫检查');
  });
});

describe('messages of the screens that load when opened', () => {
  it('are not in the first script; they load into every instance, and later ones start with them', async () => {
    const before = setupI18n();
    // The door's own messages are there from the start.
    expect(before.t('sound.off')).toBe('提示音已关闭');
    expect(before.exists('settings.title')).toBe(false);
    await loadScreenMessages();
    expect(before.t('settings.title')).toBe('设置');
    expect(setupI18n().t('settings.title')).toBe('设置');
  });
});
