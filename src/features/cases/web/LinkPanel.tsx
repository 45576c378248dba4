import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { type CheckLink, useIssueLink } from './cases-api.ts';

// The QR encoder loads only when a link is shown.
const QrCode = lazy(() => import('./QrCode.tsx').then((m) => ({ default: m.QrCode })));

/**
 * The case's personal link: issued (or issued again, which ends the old one), shown once as a copyable address
 * and a QR code to scan from the health worker's screen. Only its hash is kept on the server.
 */
export function LinkPanel({
  caseId,
  link,
  onIssued,
}: {
  caseId: number;
  link: CheckLink | null;
  onIssued: (link: CheckLink) => void;
}) {
  const { t } = useTranslation();
  const issue = useIssueLink(caseId);
  const [copied, setCopied] = useState(false);
  const url = link ? `${window.location.origin}${link.path}` : '';
  const copy = () =>
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => undefined,
    );
  return (
    <div className="link-panel" data-testid="link-panel">
      {link && (
        <>
          <label htmlFor={`link-${caseId}`}>{t('cases.link.url')}</label>
          <div className="search-form">
            <input
              id={`link-${caseId}`}
              data-testid="check-link-url"
              readOnly
              value={url}
              onFocus={(e) => e.target.select()}
            />
            <button type="button" className="btn" onClick={() => void copy()}>
              {t('cases.link.copy')}
            </button>
          </div>
          {copied && <p role="status">{t('cases.link.copied')}</p>}
          <Suspense fallback={null}>
            <QrCode text={url} label={t('cases.link.qr')} />
          </Suspense>
          <p className="hint">{t('cases.link.once')}</p>
        </>
      )}
      <ErrorNotice error={issue.error} />
      <button
        type="button"
        className="btn btn-small"
        data-testid="check-link-issue"
        disabled={issue.isPending}
        onClick={() => {
          setCopied(false);
          issue.mutate(undefined, { onSuccess: onIssued });
        }}
      >
        {link ? t('cases.link.reissue') : t('cases.link.issue')}
      </button>
    </div>
  );
}
