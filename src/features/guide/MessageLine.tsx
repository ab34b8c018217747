import { VolumeX } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useGuideStore } from './guide-store';

/** The guide's latest answers (newest first, in colour), and the voice problem if any. */
export function MessageLine() {
  const { t } = useTranslation();
  const messages = useGuideStore((s) => s.messages);
  const voice = useGuideStore((s) => s.voice);
  const [latest, ...older] = messages;
  return (
    <div className="message-line">
      {(voice === 'none' || voice === 'unsupported') && (
        <p className="voice-notice" role="status" data-testid="voice-notice">
          <VolumeX aria-hidden /> {t(`guide.voice.${voice}`)}
        </p>
      )}
      <p
        className={`message ${latest ? `message-${latest.tone}` : ''}`}
        role={latest?.tone === 'warn' ? 'alert' : 'status'}
        data-testid="guide-message"
      >
        {latest?.text ?? ' '}
      </p>
      {older.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a short history, replaced as a whole
        <p key={i} className="message message-older">
          {m.text}
        </p>
      ))}
    </div>
  );
}
