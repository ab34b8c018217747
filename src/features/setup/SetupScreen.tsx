import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSettings, Language } from '../../db/settings';
import { switchLanguage } from '../../i18n';
import { useServices } from '../../services/services';
import { DeviceChecks } from './DeviceChecks';
import { type SetupForm, type SetupProblems, validateSetup } from './setup-form';
import './setup.css';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';

type TextField = 'hallName' | 'entrance' | 'deviceName' | 'serverUrl' | 'pin' | 'pinConfirm';

/**
 * First run: name the hall, the entrance and this device, choose the language, set
 * the lead PIN and (optionally) the sync server, and see what the tablet can do.
 */
export function SetupScreen({
  onDone,
}: {
  onDone: (settings: DeviceSettings, pin: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { settings } = useServices();
  const [form, setForm] = useState<SetupForm>({
    hallName: settings.hallName,
    entrance: settings.entrance,
    deviceName: settings.deviceName,
    language: settings.language,
    pin: '',
    pinConfirm: '',
    serverUrl: settings.server,
  });
  const [problems, setProblems] = useState<SetupProblems>({});
  const [saving, setSaving] = useState(false);

  const chooseLanguage = (language: Language) => {
    setForm((f) => ({ ...f, language }));
    // Should English fail to load, the form stays in Simplified Chinese (the default).
    switchLanguage(i18n, language).catch(() => {});
  };

  const field = (key: TextField, options: { type?: string; maxLength: number }) => {
    const problem = problems[key];
    const id = `setup-${key}`;
    const secret = key === 'pin' || key === 'pinConfirm';
    return (
      <Field
        id={id}
        label={t(`setup.fields.${key}`)}
        error={problem && t(`setup.problems.${problem}`)}
      >
        <input
          name={key}
          type={options.type ?? 'text'}
          value={form[key]}
          maxLength={options.maxLength}
          {...(secret ? { inputMode: 'numeric', autoComplete: 'new-password' } : {})}
          onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
        />
      </Field>
    );
  };

  const submit = async () => {
    const found = validateSetup(form);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      await onDone(
        {
          ...settings,
          hallName: form.hallName.trim(),
          entrance: form.entrance.trim(),
          deviceName: form.deviceName.trim(),
          language: form.language,
          server: form.serverUrl.trim(),
        },
        form.pin,
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <main className="setup">
      <header className="setup-head">
        <h1>{t('setup.title')}</h1>
        <fieldset className="lang-choice">
          <legend className="sr-only">{t('setup.fields.language')}</legend>
          {(['zh-CN', 'en'] as const).map((language) => (
            <Button
              key={language}
              bare
              className="toggle"
              lang={language}
              aria-pressed={form.language === language}
              onClick={() => chooseLanguage(language)}
            >
              {t(`setup.languages.${language}`)}
            </Button>
          ))}
        </fieldset>
      </header>
      <form
        className="setup-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="setup-col">
          <legend>{t('setup.device')}</legend>
          {field('hallName', { maxLength: 40 })}
          {field('entrance', { maxLength: 20 })}
          {field('deviceName', { maxLength: 40 })}
          {field('serverUrl', { type: 'url', maxLength: 200 })}
          <p className="hint">{t('setup.serverHint')}</p>
        </fieldset>
        <fieldset className="setup-col">
          <legend>{t('setup.lead')}</legend>
          {field('pin', { type: 'password', maxLength: 8 })}
          {field('pinConfirm', { type: 'password', maxLength: 8 })}
          <p className="hint">{t('setup.pinHint')}</p>
          <DeviceChecks />
        </fieldset>
        <Button type="submit" tone="primary" size="huge" disabled={saving}>
          {t('setup.finish')}
        </Button>
      </form>
    </main>
  );
}
