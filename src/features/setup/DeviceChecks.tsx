import { Camera, CircleCheck, HardDrive, TriangleAlert, Volume2 } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportCameraFailure, reportCameraWorking } from '../../services/health/health-store';
import { usePersistence } from '../../services/persistence-store';
import { useServices } from '../../services/services';
import { speaker } from '../../services/speech/speech';
import { Button } from '../../ui/Button';
import {
  type CameraCheck,
  checkVoices,
  findCamera,
  openCamera,
  type VoiceCheck,
} from './device-checks';

/** The camera, storage persistence and voice checks of first-run setup. */
export function DeviceChecks() {
  const { t } = useTranslation();
  const { now, settings } = useServices();
  const persistence = usePersistence();
  const [camera, setCamera] = useState<CameraCheck | 'checking'>('checking');
  const [voices, setVoices] = useState<VoiceCheck | 'clips' | 'checking'>('checking');

  useEffect(() => {
    let live = true;
    void findCamera().then((c) => live && setCamera(c));
    // Calls are said from the recorded clips by default (docs/voice.md): with them playing
    // here, a tablet without a Chinese voice still calls; "no voice" would send staff
    // looking for a voice pack the calls do not need.
    void Promise.all([
      checkVoices(),
      speaker.availability({ lang: 'zh-CN', voice: settings.callVoice }),
    ]).then(([found, calls]) => {
      if (live) setVoices(found !== 'chinese' && calls === 'available' ? 'clips' : found);
    });
    return () => {
      live = false;
    };
  }, [settings.callVoice]);

  const testCamera = async () => {
    setCamera('checking');
    const result = await openCamera();
    setCamera(result);
    if (result === 'available') reportCameraWorking();
    else reportCameraFailure(result, now());
  };

  return (
    <section className="checks" aria-labelledby="checks-title">
      <h3 id="checks-title">{t('setup.checks.title')}</h3>
      <ul>
        <Check
          icon={<Camera />}
          label={t('setup.checks.camera')}
          ok={camera === 'available'}
          pending={camera === 'checking'}
          text={t(`setup.checks.cameraValues.${camera}`)}
          action={
            <Button onClick={() => testCamera()} disabled={camera === 'checking'}>
              {t('setup.checks.testCamera')}
            </Button>
          }
        />
        <Check
          icon={<HardDrive />}
          label={t('setup.checks.persistence')}
          ok={persistence === 'granted'}
          pending={persistence === 'asking'}
          text={t(`settings.persistenceValues.${persistence}`)}
        />
        <Check
          icon={<Volume2 />}
          label={t('setup.checks.voice')}
          ok={voices === 'chinese' || voices === 'clips'}
          pending={voices === 'checking'}
          text={t(`setup.checks.voiceValues.${voices}`)}
        />
      </ul>
      <p className="hint">{t('setup.checks.hint')}</p>
    </section>
  );
}

function Check({
  icon,
  label,
  ok,
  pending,
  text,
  action,
}: {
  icon: ReactNode;
  label: string;
  ok: boolean;
  pending: boolean;
  text: string;
  action?: ReactNode;
}) {
  const state = pending ? 'pending' : ok ? 'ok' : 'warn';
  return (
    <li className={`check check-${state}`}>
      <span className="check-icon" aria-hidden>
        {icon}
      </span>
      <span className="check-label">{label}</span>
      <span className="check-result">
        {state === 'ok' && <CircleCheck aria-hidden />}
        {state === 'warn' && <TriangleAlert aria-hidden />}
        {text}
      </span>
      {action}
    </li>
  );
}
