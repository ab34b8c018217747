import { describe, expect, it } from 'vitest';
import { setupI18n, switchLanguage } from '../../src/i18n';

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
