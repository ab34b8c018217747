import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { policyHistory } from '../../db/policies';
import { wordingIn } from '../../domain/check-input';
import { DEFAULT_POLICY } from '../../domain/policy';
import { type PolicyChange, policyDiff } from '../../domain/policy-diff';
import { clockTime, dayKey } from '../../domain/time';
import { useServices } from '../../services/services';

/**
 * The policy in force on this tablet, since when, and what changed from the one before
 * (issue 33): a county's new check shows here after the sync that brought it.
 */
export function PolicyChanges() {
  const { t, i18n } = useTranslation();
  const { db, policy } = useServices();
  const history = useLiveQuery(() => policyHistory(db), [db]);
  if (!history) return null;
  const index = history.findIndex((h) => h.policy.version === policy.version);
  const current = history[index];
  // Before the first policy received, the tablet ran the one built into the app.
  const previous = current
    ? (history[index + 1]?.policy ??
      (current.policy.version === DEFAULT_POLICY.version ? undefined : DEFAULT_POLICY))
    : undefined;
  const changes = current && previous ? policyDiff(previous, current.policy) : [];
  const label = (key: string) => {
    const check =
      policy.checks.find((c) => c.key === key) ?? previous?.checks.find((c) => c.key === key);
    return check ? wordingIn(check.label, i18n.language) : key;
  };
  const line = (c: PolicyChange) =>
    c.kind === 'setting'
      ? t('settings.policyChange.setting', {
          path: c.path,
          before: c.before || '—',
          after: c.after || '—',
        })
      : t(`settings.policyChange.${c.kind}`, { check: label(c.key) });
  return (
    <section aria-labelledby="policy-title" data-testid="policy-changes">
      <h3 id="policy-title">{t('settings.policyInForce', { version: policy.version })}</h3>
      <p>
        {current
          ? t('settings.policySince', {
              time: `${dayKey(current.receivedAt)} ${clockTime(current.receivedAt)}`,
            })
          : t('settings.policyBuiltIn')}
      </p>
      {previous && (
        <>
          <p>{t('settings.policyFrom', { version: previous.version })}</p>
          <ul className="policy-changes">
            {changes.length === 0 ? (
              <li>{t('settings.policyChange.none')}</li>
            ) : (
              changes.map((c) => (
                <li key={c.kind === 'setting' ? c.path : `${c.kind}-${c.key}`}>{line(c)}</li>
              ))
            )}
          </ul>
        </>
      )}
    </section>
  );
}
