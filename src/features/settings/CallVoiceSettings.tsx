import { Megaphone } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSettings } from '../../db/settings';
import type { CallVoice } from '../../domain/call-clips';
import { useServices } from '../../services/services';
import { callAnnouncement } from '../../services/speech/call-announcement';
import { speaker } from '../../services/speech/speech';
import { Button } from '../../ui/Button';

const CHOICES: readonly CallVoice[] = ['clips', 'device'];

/**
 * How this tablet says Mandarin calls: the recorded clips (the default, as a 叫号机) or
 * its own speech voice where it has one; and a test call to hear it.
 */
export function CallVoiceSettings({
  onSave,
}: {
  onSave: (settings: DeviceSettings) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { settings } = useServices();
  const [hasVoice, setHasVoice] = useState<boolean | null>(null);
  useEffect(() => {
    // Asked as "device only": clips would answer "available" for any tablet.
    void speaker
      .availability({ lang: 'zh-CN', voice: 'device', clipsAllowed: false })
      .then((a) => setHasVoice(a === 'available'));
  }, []);

  return (
    <fieldset className="row" data-testid="call-voice">
      <legend>{t('settings.callVoice.title')}</legend>
      {CHOICES.map((voice) => (
        <Button
          key={voice}
          bare
          className="toggle"
          aria-pressed={settings.callVoice === voice}
          disabled={voice === 'device' && hasVoice === false}
          onClick={() => onSave({ ...settings, callVoice: voice })}
        >
          {t(`settings.callVoice.${voice}`)}
        </Button>
      ))}
      <Button
        onClick={() =>
          void speaker.announce(
            [
              callAnnouncement(t, {
                kind: 'call',
                ticket: `${settings.ticketPrefix}001`,
                window: 3,
              }),
            ],
            { lang: settings.language, voice: settings.callVoice },
          )
        }
      >
        <Megaphone aria-hidden /> {t('settings.callVoice.test')}
      </Button>
      {hasVoice === false && <p className="hint">{t('settings.callVoice.noDevice')}</p>}
    </fieldset>
  );
}
