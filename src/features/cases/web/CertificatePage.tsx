import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useCertificate } from './cases-api.ts';
import './cases.css';

/**
 * /cases/:id/giay-xac-nhan — the recovery certificate the commune health station signs (rules.md §4.5), laid
 * out as an A4 administrative paper: national heading, the station, the person, the dates, the rule, signer.
 */
export function CertificatePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const certificate = useCertificate(id);
  useDocumentTitle(t('cases.certificate.open'));
  const c = certificate.data;
  const today = c?.recoveredOn ?? '';
  return (
    <article className="print-sheet certificate">
      <div className="actions no-print print-toolbar">
        <Link className="btn" to="/cases">
          {t('cases.certificate.back')}
        </Link>
        <button type="button" className="btn btn-primary" disabled={!c} onClick={() => window.print()}>
          {t('cases.certificate.print')}
        </button>
      </div>
      {certificate.isPending && <Loading />}
      <ErrorNotice error={certificate.error} />
      {c && (
        <>
          <header className="certificate-head">
            <div>
              <p>{c.commune.toLocaleUpperCase('vi')}</p>
              <p className="strong">{c.station.toLocaleUpperCase('vi')}</p>
            </div>
            <div>
              <p className="strong">{t('cases.certificate.nation')}</p>
              <p className="strong underline">{t('cases.certificate.motto')}</p>
            </div>
          </header>
          <h1 className="print-title">{t('cases.certificate.title')}</h1>
          <p>{t('cases.certificate.intro', { station: c.station })}</p>
          <dl className="certificate-fields" data-testid="certificate">
            <dt>{t('cases.certificate.fullName')}</dt>
            <dd className="strong">{c.person.fullName}</dd>
            <dt>{t('cases.certificate.birth')}</dt>
            <dd>{c.person.birthDate ? isoDateToText(c.person.birthDate) : c.person.birthYear}</dd>
            {c.person.sex && (
              <>
                <dt>{t('cases.certificate.sex')}</dt>
                <dd>{t(`persons.sexes.${c.person.sex as 'male'}`)}</dd>
              </>
            )}
            {c.person.nationalId && (
              <>
                <dt>{t('cases.certificate.nationalId')}</dt>
                <dd>{c.person.nationalId}</dd>
              </>
            )}
            <dt>{t('cases.certificate.address')}</dt>
            <dd>{c.person.address}</dd>
          </dl>
          <ul className="certificate-facts">
            <li>
              {t('cases.certificate.positive', {
                test: t(`cases.testKinds.${c.testKind as 'pcr'}`),
                date: isoDateToText(c.sampleDate),
              })}
            </li>
            <li>{t('cases.certificate.treated', { place: t(`cases.places.${c.placeOfCare as 'home'}`) })}</li>
            <li className="strong">
              {t('cases.certificate.recovered', { date: isoDateToText(c.recoveredOn) })}
            </li>
            {c.ruleSet && (
              <li>
                {t('cases.certificate.basis', { basis: c.ruleSet.legalBasis })}{' '}
                {c.ruleSet.provisional && <em>{t('cases.certificate.provisional')}</em>}
              </li>
            )}
          </ul>
          <footer className="certificate-sign">
            <p>
              <em>
                {t('cases.certificate.placeDate', {
                  commune: c.commune,
                  day: today.slice(8, 10),
                  month: today.slice(5, 7),
                  year: today.slice(0, 4),
                })}
              </em>
            </p>
            <p className="strong">{t('cases.certificate.signer')}</p>
            <p className="muted">{t('cases.certificate.signHint')}</p>
          </footer>
        </>
      )}
    </article>
  );
}
