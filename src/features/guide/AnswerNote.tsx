import type { GuideMessage } from './guide-store';

/** The answer to the last action on a tab, in colour; an alert when it was refused. */
export function AnswerNote({ message }: { message: GuideMessage | null }) {
  return (
    <p
      className={message ? `message message-${message.tone}` : 'message-idle'}
      role={message?.tone === 'warn' ? 'alert' : 'status'}
    >
      {message?.text}
    </p>
  );
}
