import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { UnitPicker } from '../../../web/components/UnitPicker.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { ClaimList } from './ClaimList.tsx';
import { MissedList } from './MissedList.tsx';
import { paymentListHref } from './support-api.ts';
import './support.css';

/**
 * /support — Resolution 68 support. A commune reviews its claims and sees whom the records make eligible with
 * no claim yet; a district approves the reviewed claims and downloads or prints the payment list (with the
 * signature column). District and province users pick a unit below theirs (?unit=).
 */
export function SupportPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') || user.unitCode;
  const canWrite = can(user.role, 'support.write');
  const commune = user.unitLevel >= 3;
  useDocumentTitle(t('support.title'));

  return (
    <>
      <div className="page-head">
        <h1>{t('support.title')}</h1>
        <p className="muted">{t('support.basis')}</p>
      </div>
      {!commune && (
        <form className="filters no-print" onSubmit={(e) => e.preventDefault()}>
          <UnitPicker
            idPrefix="support-unit"
            rootCode={user.unitCode}
            rootLevel={user.unitLevel}
            value={unit}
            emptyLabel={t('support.chooseUnit')}
            onChange={(code) =>
              setParams(code && code !== user.unitCode ? { unit: code } : {}, { replace: true })
            }
          />
        </form>
      )}
      {commune && canWrite && (
        <p className="no-print">
          <Link className="btn" to="/support/apply" data-testid="support-apply">
            {t('support.apply.open')}
          </Link>
        </p>
      )}
      {commune ? (
        <>
          <ClaimList
            unit={unit}
            status="submitted"
            title={t('support.lists.toReview')}
            actions={canWrite ? { accept: 'review', decline: 'reject' } : {}}
            testId="support-to-review"
          />
          <MissedList unit={unit} canWrite={canWrite} />
          <ClaimList
            unit={unit}
            status="reviewed"
            title={t('support.lists.atDistrict')}
            actions={{}}
            testId="support-at-district"
          />
        </>
      ) : (
        <>
          <ClaimList
            unit={unit}
            status="reviewed"
            title={t('support.lists.toApprove')}
            actions={canWrite ? { accept: 'approve', decline: 'refuse' } : {}}
            testId="support-to-approve"
          />
          <div className="actions no-print">
            <a className="btn primary" href={paymentListHref(unit)} download>
              {t('support.paymentList.download')}
            </a>
            <button type="button" className="btn" onClick={() => window.print()}>
              {t('support.paymentList.print')}
            </button>
          </div>
          <ClaimList
            unit={unit}
            status="approved"
            title={t('support.paymentList.title')}
            actions={canWrite ? { accept: 'pay' } : {}}
            testId="support-payment-list"
          />
          <MissedList unit={unit} canWrite={false} />
        </>
      )}
    </>
  );
}
