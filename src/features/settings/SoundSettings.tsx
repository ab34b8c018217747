import { Volume2, VolumeX } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { DeviceSettings } from '../../db/settings';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';

const STEPS = [30, 50, 70, 100] as const;

/** Verdict tones: volume in four big steps, mute, a test tone, and the state in words. */
export function SoundSettings({ onSave }: { onSave: (settings: DeviceSettings) => Promise<void> }) {
  const { t } = useTranslation();
  const { settings, sound } = useServices();
  const on = !settings.soundMuted && settings.soundVolume > 0;

  return (
    <section className="sound-settings" aria-labelledby="sound-title">
      <h3 id="sound-title">{t('sound.title')}</h3>
      <p role="status" data-testid="sound-state">
        {on ? <Volume2 aria-hidden /> : <VolumeX aria-hidden />}{' '}
        {on ? t('sound.on', { volume: settings.soundVolume }) : t('sound.off')}
      </p>
      <fieldset className="row">
        <legend>{t('sound.volume')}</legend>
        {STEPS.map((v) => (
          <Button
            key={v}
            bare
            className="toggle"
            aria-pressed={!settings.soundMuted && settings.soundVolume === v}
            onClick={() => onSave({ ...settings, soundVolume: v, soundMuted: false })}
          >
            {v}%
          </Button>
        ))}
      </fieldset>
      <div className="row">
        <Button
          tone={settings.soundMuted ? 'primary' : 'neutral'}
          onClick={() => onSave({ ...settings, soundMuted: !settings.soundMuted })}
        >
          {settings.soundMuted ? t('sound.unmute') : t('sound.mute')}
        </Button>
        <Button onClick={() => sound.play('admitted')}>{t('sound.test')}</Button>
      </div>
    </section>
  );
}
