import { useEffect } from 'react';
import type { DeviceSettings } from '../db/settings';

/** Outdoor readability: the theme's CSS variables switch on these attributes (theme.css). */
export function useTheme(
  settings: Pick<DeviceSettings, 'highContrast' | 'largeType' | 'language'>,
) {
  const { highContrast, largeType, language } = settings;
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.contrast = highContrast ? 'high' : 'normal';
    root.dataset.type = largeType ? 'large' : 'normal';
    root.lang = language;
  }, [highContrast, largeType, language]);
}
