import { useTranslation } from 'react-i18next';

/** Where the duty staff and the duty group lead sign the printed report, as on paper. */
export function ReportSignatures() {
  const { t } = useTranslation();
  return (
    <section className="report-signatures" data-testid="report-signatures">
      {(['staff', 'lead'] as const).map((who) => (
        <p key={who} className="signature">
          <span>{t(`lead.report.sign.${who}`)}</span>
          <span className="signature-line" aria-hidden />
          <span>{t('lead.report.sign.date')}</span>
          <span className="signature-line signature-date" aria-hidden />
        </p>
      ))}
    </section>
  );
}
