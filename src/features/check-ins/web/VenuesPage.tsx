import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { UnitPicker } from '../../../web/components/UnitPicker.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useAddVenue, useVenues, VENUE_KINDS, type Venue } from './check-ins-api.ts';
import './check-ins.css';

// The QR encoder (uqr, the cases feature's drawing) loads only when a poster is shown.
const QrCode = lazy(() => import('../../cases/web/index.ts').then((m) => ({ default: m.QrCode })));

/** The printable poster of a venue: its name, the QR of its public check-in address, how to use it. */
function Poster({ venue, onClose }: { venue: Venue; onClose: () => void }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${venue.path}`;
  return (
    <section className="venue-poster" data-testid="venue-poster" aria-label={venue.name}>
      <h2>{venue.name}</h2>
      <p className="poster-scan">{t('checkIns.poster.scan')}</p>
      <Suspense fallback={null}>
        <QrCode text={url} label={t('checkIns.poster.qr', { name: venue.name })} />
      </Suspense>
      <p className="poster-url" data-testid="venue-url">
        {url}
      </p>
      <p>{t('checkIns.poster.how')}</p>
      <div className="no-print poster-actions">
        <button type="button" className="btn" onClick={() => window.print()}>
          {t('checkIns.poster.print')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('checkIns.poster.close')}
        </button>
      </div>
    </section>
  );
}

function AddVenue({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const add = useAddVenue();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('market');
  const [address, setAddress] = useState('');
  return (
    <form
      className="card venue-form no-print"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ unit, name, kind, address: address || null }, { onSuccess: () => setName('') });
      }}
    >
      <h2>{t('checkIns.venues.add')}</h2>
      <FormField id="venue-name" label={t('checkIns.venues.name')}>
        {(aria) => <input {...aria} required value={name} onChange={(e) => setName(e.target.value)} />}
      </FormField>
      <FormField id="venue-kind" label={t('checkIns.venues.kind')}>
        {(aria) => (
          <select {...aria} value={kind} onChange={(e) => setKind(e.target.value)}>
            {VENUE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`checkIns.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id="venue-address"
        label={t('checkIns.venues.address')}
        optional={t('checkIns.venues.optional')}
      >
        {(aria) => <input {...aria} value={address} onChange={(e) => setAddress(e.target.value)} />}
      </FormField>
      <ErrorNotice error={add.error} />
      <button type="submit" className="btn" disabled={add.isPending}>
        {t('checkIns.venues.save')}
      </button>
    </form>
  );
}

/**
 * /check-ins — a commune's venues (markets, shops, offices, events) with today's check-ins, each poster ready to
 * print; district users pick a commune. The link to the follow-up list of possible contacts.
 */
export function VenuesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') || user.unitCode;
  const venues = useVenues(unit);
  const [poster, setPoster] = useState<Venue | null>(null);
  useDocumentTitle(t('checkIns.title'));
  if (poster) return <Poster venue={poster} onClose={() => setPoster(null)} />;
  return (
    <>
      <div className="page-head">
        <h1>{t('checkIns.title')}</h1>
        <Link className="btn btn-secondary" to="/check-ins/exposures" data-testid="exposures-link">
          {t('checkIns.exposures.title')}
        </Link>
      </div>
      {user.unitLevel < 3 && (
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <UnitPicker
            idPrefix="venues-unit"
            rootCode={user.unitCode}
            rootLevel={user.unitLevel}
            value={unit}
            emptyLabel={t('checkIns.chooseUnit')}
            onChange={(code) =>
              setParams(code && code !== user.unitCode ? { unit: code } : {}, { replace: true })
            }
          />
        </form>
      )}
      {venues.isPending && <Loading />}
      <ErrorNotice error={venues.error} />
      {venues.data && venues.data.venues.length === 0 && (
        <p className="muted">{t('checkIns.venues.empty')}</p>
      )}
      <ul className="venue-list">
        {venues.data?.venues.map((v) => (
          <li key={v.id} className="venue-item" data-testid="venue">
            <div>
              <strong>{v.name}</strong>
              <span className="muted">
                {' '}
                · {t(`checkIns.kinds.${v.kind as 'other'}`)} ·{' '}
                {t('checkIns.venues.today', { n: v.checkInsToday })}
              </span>
            </div>
            <button type="button" className="btn btn-small" onClick={() => setPoster(v)}>
              {t('checkIns.venues.poster')}
            </button>
          </li>
        ))}
      </ul>
      {can(user.role, 'checkIns.write') &&
        (/^\d{5}$/.test(unit) ? (
          <AddVenue unit={unit} />
        ) : (
          <p className="muted">{t('checkIns.venues.pickCommune')}</p>
        ))}
    </>
  );
}
