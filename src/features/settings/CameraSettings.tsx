import { Camera } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { type DeviceSettings, forgetCameraId } from '../../db/settings';
import type { CameraFacing } from '../../domain/camera-setup';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';

const CHOICES: readonly CameraFacing[] = ['user', 'environment'];

/**
 * Which camera scans on this tablet: the front one (facing the visitor, mirrored in the
 * preview) or the rear one. Choosing a side forgets a camera switched to at the door.
 */
export function CameraSettings({
  onSave,
}: {
  onSave: (settings: DeviceSettings) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { settings } = useServices();
  return (
    <fieldset className="row" data-testid="camera-facing">
      <legend>
        <Camera aria-hidden /> {t('settings.camera.title')}
      </legend>
      {CHOICES.map((facing) => (
        <Button
          key={facing}
          bare
          className="toggle"
          aria-pressed={settings.cameraFacing === facing}
          onClick={() =>
            void forgetCameraId()
              .catch(() => undefined)
              .then(() => onSave({ ...settings, cameraFacing: facing }))
          }
        >
          {t(`settings.camera.${facing}`)}
        </Button>
      ))}
    </fieldset>
  );
}
