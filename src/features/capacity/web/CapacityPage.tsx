import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useToday } from '../../../web/calendar.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDate } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useCapacity, useSave } from './capacity-api.ts';

/**
 * /capacity — a district's or commune's capacity on a day (phone first): facilities, mobile stations, the commune
 * stations' oxygen, criterion 3; the commune station enters its oxygen, the district health centre its facilities.
 */
export function CapacityPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const today = useToday();
  const [params] = useSearchParams();
  const unit = params.get('unit') ?? user.unitCode;
  const day = params.get('date') ?? today;
  const view = useCapacity(unit, day);
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const write = can(user.role, 'capacity.write');
  useDocumentTitle(t('capacity.title'));
  if (view.isPending) return <Loading />;
  if (!view.data) return <ErrorNotice error={view.error} />;
  const v = view.data;
  const c3 = v.criterion3;
  return (
    <section className="capacity">
      <h1>
        {t('capacity.title')} — {v.unit.name}
      </h1>
      <p>
        {t('capacity.day')}: {formatDate(v.day)}
      </p>
      {c3 && (
        <details open>
          <summary>
            {t('capacity.criterion3')}:{' '}
            {c3.met === null ? t('capacity.unknown') : c3.met ? t('capacity.met') : t('capacity.notMet')}
            {c3.provisional ? ` (${t('capacity.provisional')})` : ''}
          </summary>
          <ul>
            {c3.checks.map((c) => (
              <li key={c.name}>
                {c.met ? '✓' : '✗'} {c.text[lang]}
              </li>
            ))}
          </ul>
        </details>
      )}
      <h2>{t('capacity.facilities')}</h2>
      <ul>
        {v.facilities.map((f) => (
          <li key={f.id}>
            <strong>{f.name}</strong>:{' '}
            {f.figures
              ? `${f.figures.beds} ${t('capacity.beds')}, ${f.figures.occupied ?? `${v.district.occupied} (${t('capacity.computed')})`} ${t('capacity.occupied')}, ${f.figures.icuBeds} ICU, ${f.figures.oxygenCylinders} ${t('capacity.oxygen')} (${formatDate(f.figures.enteredOn)})`
              : t('capacity.notEntered')}
            {write && <FacilityForm id={f.id} day={day} />}
          </li>
        ))}
      </ul>
      <h2>{t('capacity.mobileStations')}</h2>
      <ul>
        {v.mobileStations.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>:{' '}
            {s.figures
              ? `${s.figures.doctors} ${t('capacity.doctors')}, ${s.figures.staff} ${t('capacity.staff')}, ${s.figures.oxygenCylinders} ${t('capacity.oxygen')}`
              : t('capacity.notEntered')}
          </li>
        ))}
      </ul>
      <h2>{t('capacity.stations')}</h2>
      <ul>
        {v.communeStations.map((s) => (
          <li key={s.code}>
            {s.name}: {s.oxygenCylinders ?? t('capacity.notEntered')} {t('capacity.oxygen')}
            {write && <OxygenForm unit={s.code} day={day} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function OxygenForm({ unit, day }: { unit: string; day: string }) {
  const { t } = useTranslation();
  const [n, setN] = useState('');
  const save = useSave<{ unit: string; day: string; oxygenCylinders: number; concentrators: number }>(
    'PUT',
    () => '/api/station-oxygen',
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ unit, day, oxygenCylinders: Number(n), concentrators: 0 });
  };
  return (
    <form onSubmit={submit} className="capacity-form">
      <label>
        {t('capacity.enterOxygen')}
        <input
          type="number"
          inputMode="numeric"
          min={0}
          value={n}
          onChange={(e) => setN(e.target.value)}
          required
        />
      </label>
      <button type="submit" disabled={save.isPending}>
        {t('capacity.save')}
      </button>
      {save.isSuccess && <span role="status">{t('capacity.saved')}</span>}
      {save.error && <ErrorNotice error={save.error} />}
    </form>
  );
}

function FacilityForm({ id, day }: { id: number; day: string }) {
  const { t } = useTranslation();
  const [beds, setBeds] = useState('');
  const [occupied, setOccupied] = useState('');
  const [icu, setIcu] = useState('');
  const [oxygen, setOxygen] = useState('');
  const save = useSave<Record<string, unknown>>('PUT', () => `/api/treatment-facilities/${id}/days`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      day,
      beds: Number(beds),
      occupied: occupied === '' ? null : Number(occupied),
      icuBeds: Number(icu || 0),
      oxygenCylinders: Number(oxygen || 0),
    });
  };
  const field = (label: string, value: string, set: (v: string) => void, required = false) => (
    <label>
      {label}
      <input
        type="number"
        inputMode="numeric"
        min={0}
        value={value}
        onChange={(e) => set(e.target.value)}
        required={required}
      />
    </label>
  );
  return (
    <details>
      <summary>{t('capacity.enterFacility')}</summary>
      <form onSubmit={submit} className="capacity-form">
        {field(t('capacity.beds'), beds, setBeds, true)}
        {field(t('capacity.occupied'), occupied, setOccupied)}
        {field(t('capacity.icuBeds'), icu, setIcu)}
        {field(t('capacity.oxygen'), oxygen, setOxygen)}
        <button type="submit" disabled={save.isPending}>
          {t('capacity.save')}
        </button>
        {save.isSuccess && <span role="status">{t('capacity.saved')}</span>}
        {save.error && <ErrorNotice error={save.error} />}
      </form>
    </details>
  );
}
