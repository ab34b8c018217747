import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { answerOf, checkAnswerText, checksOfDay } from '../../domain/check-columns';
import { wordingIn } from '../../domain/check-input';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';

/** The policy's added checks as ledger columns (issue 33): one per check in force that day. */
export function useCheckCells(visits: readonly Visit[]) {
  const { t, i18n } = useTranslation();
  const { policyFor } = useServices();
  const checks = useMemo(() => checksOfDay(visits, policyFor), [visits, policyFor]);
  const headers = checks.map((c) => wordingIn(c.label, i18n.language));
  const cells = useCallback(
    (v: Visit): string[] => {
      const words = { yes: t('door.check.yes'), no: t('door.check.no'), language: i18n.language };
      return checks.map((c) => checkAnswerText(c, answerOf(v, c), words));
    },
    [checks, t, i18n.language],
  );
  return { checks, headers, cells };
}
