import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../web/format.ts';
import type { CheckResult } from './cases-api.ts';
import { signLabel } from './warning-text.ts';

/** What a sent check raised: the warning signs (measure and threshold), and a big "call 115" when urgent. */
export function CheckResultView({ result }: { result: CheckResult }) {
  const { t, i18n } = useTranslation();
  const call115 = result.escalation?.call115 === true;
  return (
    <div className="check-result" data-testid="check-result" role="status">
      <p>{t('cases.check.sent', { time: formatDateTime(new Date()) })}</p>
      {result.warnings.length === 0 ? (
        <p className="notice notice-ok">{t('cases.check.noWarning')}</p>
      ) : (
        <div className="notice notice-warn">
          <p>{t('cases.check.warnings')}</p>
          <ul data-testid="check-warnings">
            {result.warnings.map((w) => (
              <li key={w.number}>
                {signLabel(w.number, i18n.language)}
                {w.value !== null && (
                  <span className="num">
                    {' '}
                    ({w.value} {w.threshold})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {call115 && (
        <>
          <p className="field-error">{t('cases.check.call115Hint')}</p>
          <a className="btn btn-danger btn-block call-115" href="tel:115" data-testid="call-115">
            {t('cases.check.call115')}
          </a>
        </>
      )}
    </div>
  );
}
