import type { TFunction } from 'i18next';
import { announcementClips, type CallAnnouncement } from '../../domain/call-clips';
import type { Announcement } from './speech';

/** A call in the screen's words (for a voice) and as clips (for the 叫号机 recording). */
export function callAnnouncement(t: TFunction, a: CallAnnouncement): Announcement {
  const text =
    a.kind === 'call'
      ? t('guide.voice.call', { ticket: a.ticket, window: a.window })
      : t('guide.voice.callIn', { ticket: a.ticket });
  return { text, clips: announcementClips(a) };
}
