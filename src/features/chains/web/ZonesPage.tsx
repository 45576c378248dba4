import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { addDays } from '../../../core/dates.ts';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { isoDateToText, parseDate } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import { type PersonListItem, usePersons } from '../../persons/web/index.ts';
import { DEFAULT_LIFTING } from '../rules/zones.ts';
import { ChainsNav } from './ChainsNav.tsx';
import {
  useAddZone,
  useAddZonePersons,
  useRemoveZonePerson,
  useUpdateZone,
  useZone,
  useZones,
  ZONE_KINDS,
  type Zone,
  type ZoneKind,
} from './chains-api.ts';
import { useListUnit } from './UnitFilter.tsx';
import './chains.css';

/** Residents of the commune matching the search, one tap each to add. */
function PersonSearch({ commune, onPick }: { commune: string; onPick: (p: PersonListItem) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = usePersons({ q, unit: commune, village: '', ageBand: '', status: '', priority: '' }, 1);
  return (
    <div className="person-search">
      <FormField id="zone-person-q" label={t('zones.addPerson')}>
        {(aria) => (
          <input
            {...aria}
            type="search"
            placeholder={t('zones.personSearch')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        )}
      </FormField>
      {q.trim().length >= 2 && found.data && (
        <ul className="plain-list">
          {found.data.persons.slice(0, 8).map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="link-button"
                data-testid="zone-person-pick"
                onClick={() => onPick(p)}
              >
                {p.full_name} · {p.birth_year}
                {p.village_name && <> · {p.village_name}</>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AddZone({ commune, onDone }: { commune: string; onDone: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const unit = useUnit(commune);
  const add = useAddZone();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ZoneKind>('household');
  const [villageId, setVillageId] = useState('');
  const [startsOn, setStartsOn] = useState(isoDateToText(today));
  const [plannedEndOn, setPlannedEndOn] = useState(
    isoDateToText(addDays(today, DEFAULT_LIFTING.daysWithoutNewCase)),
  );
  const [criteria, setCriteria] = useState<string>(
    t('zones.liftingDefault', { defaultValue: DEFAULT_LIFTING.text.vi }),
  );
  const [persons, setPersons] = useState<PersonListItem[]>([]);
  const fieldError = (f: string) => (isApiError(add.error) ? add.error.fieldMessage(f) : undefined);
  const personError = isApiError(add.error)
    ? add.error.fields?.find((f) => f.field.startsWith('personIds'))?.message
    : undefined;
  const known = ['name', 'startsOn', 'plannedEndOn', 'liftingCriteria', 'villageId'];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        commune,
        name,
        kind,
        villageId: villageId ? Number(villageId) : null,
        startsOn: parseDate(startsOn) ?? startsOn,
        plannedEndOn: parseDate(plannedEndOn) ?? plannedEndOn,
        liftingCriteria: criteria,
        personIds: persons.map((p) => p.id),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="card inline-form" onSubmit={submit} noValidate data-testid="zone-form">
      <FormField id="zone-kind" label={t('zones.kindLabel')}>
        {(aria) => (
          <select {...aria} value={kind} onChange={(e) => setKind(e.target.value as ZoneKind)}>
            {ZONE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`zones.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="zone-name" label={t('zones.name')} error={fieldError('name')}>
        {(aria) => <input {...aria} value={name} onChange={(e) => setName(e.target.value)} />}
      </FormField>
      <FormField id="zone-village" label={t('zones.village')} error={fieldError('villageId')}>
        {(aria) => (
          <select {...aria} value={villageId} onChange={(e) => setVillageId(e.target.value)}>
            <option value="">{t('zones.noVillage')}</option>
            {(unit.data?.villages ?? []).map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="zone-start" label={t('zones.startsOn')} error={fieldError('startsOn')}>
        {(aria) => <DateInput {...aria} value={startsOn} onChange={setStartsOn} />}
      </FormField>
      <FormField id="zone-end" label={t('zones.plannedEndOn')} error={fieldError('plannedEndOn')}>
        {(aria) => <DateInput {...aria} value={plannedEndOn} onChange={setPlannedEndOn} />}
      </FormField>
      <FormField
        id="zone-criteria"
        label={t('zones.liftingCriteria')}
        hint={t('zones.liftingProvisional')}
        error={fieldError('liftingCriteria')}
      >
        {(aria) => (
          <textarea {...aria} rows={3} value={criteria} onChange={(e) => setCriteria(e.target.value)} />
        )}
      </FormField>
      <PersonSearch
        commune={commune}
        onPick={(p) => setPersons((list) => (list.some((x) => x.id === p.id) ? list : [...list, p]))}
      />
      {persons.length > 0 && (
        <div>
          <p className="muted">{t('zones.added', { count: persons.length })}</p>
          <ul className="plain-list" data-testid="zone-chosen">
            {persons.map((p) => (
              <li key={p.id}>
                {p.full_name}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setPersons((l) => l.filter((x) => x.id !== p.id))}
                >
                  {t('zones.removePerson')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {personError && <p className="field-error">{personError}</p>}
      {add.error && !known.some((f) => fieldError(f)) && !personError && <ErrorNotice error={add.error} />}
      <FormActions label={t('zones.save')} saving={add.isPending} onCancel={onDone} testId="zone-save" />
    </form>
  );
}

function ZoneState({ zone }: { zone: Zone }) {
  const { t } = useTranslation();
  if (zone.liftedOn)
    return <span className="badge">{t('zones.lifted', { date: isoDateToText(zone.liftedOn) })}</span>;
  if (zone.overdue) return <span className="badge overdue">{t('zones.overdue')}</span>;
  return <span className="badge zone-active">{t('zones.active')}</span>;
}

/** /containment-zones — a unit's containment zones, newest first; a commune sets one up. ?unit= */
export function ZonesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { unit, picker } = useListUnit();
  const [activeOnly, setActiveOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useZones(unit, activeOnly, page);
  useDocumentTitle(t('zones.title'));
  return (
    <>
      <div className="page-head">
        <h1>{t('zones.title')}</h1>
      </div>
      <ChainsNav current="zones" />
      {picker}
      <section className="card" aria-labelledby="zones-title">
        <h2 id="zones-title" className="visually-hidden">
          {t('zones.title')}
        </h2>
        {can(user.role, 'chains.write') &&
          (unit.length !== 5 ? (
            <p className="muted">{t('zones.chooseCommune')}</p>
          ) : adding ? (
            <AddZone commune={unit} onDone={() => setAdding(false)} />
          ) : (
            <button type="button" className="btn" data-testid="zone-add" onClick={() => setAdding(true)}>
              {t('zones.add')}
            </button>
          ))}
        <label className="check">
          <input type="checkbox" checked={activeOnly} onChange={(e) => setActiveOnly(e.target.checked)} />{' '}
          {t('zones.activeOnly')}
        </label>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorNotice error={list.error} onRetry={() => list.refetch()} />
        ) : list.data.zones.length === 0 ? (
          <p>{t('zones.empty')}</p>
        ) : (
          <>
            <p className="muted">{t('zones.total', { count: list.data.total })}</p>
            <ul className="rows">
              {list.data.zones.map((z) => (
                <li className="row" key={z.id} data-testid="zone-row">
                  <div className="row-main">
                    <Link to={`/containment-zones/${z.id}`}>
                      <strong>{z.name}</strong>
                    </Link>{' '}
                    <ZoneState zone={z} />
                    <div className="muted">
                      {t(`zones.kind.${z.kind}`)}
                      {z.villageName && <> · {z.villageName}</>} ·{' '}
                      {t('zones.period', {
                        from: isoDateToText(z.startsOn),
                        to: isoDateToText(z.plannedEndOn),
                      })}{' '}
                      · {t('zones.personCount', { count: z.personCount })}
                    </div>
                  </div>
                </li>
              ))}
            </ul>
            <Pagination page={page} pages={Math.ceil(list.data.total / 50)} onPage={setPage} />
          </>
        )}
      </section>
    </>
  );
}

/** /containment-zones/:id — the zone, the people inside, add or remove people, move its end or lift it. */
export function ZonePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const today = useToday();
  const id = Number(useParams().id);
  const zone = useZone(id);
  const update = useUpdateZone(id);
  const addPersons = useAddZonePersons(id);
  const remove = useRemoveZonePerson(id);
  const [liftedOn, setLiftedOn] = useState(isoDateToText(today));
  const liftError = isApiError(update.error) ? update.error.fieldMessage('liftedOn') : undefined;
  useDocumentTitle(zone.data?.name ?? t('zones.title'));
  const canWrite = can(user.role, 'chains.write');
  const z = zone.data;
  return (
    <>
      <p>
        <Link to="/containment-zones">← {t('zones.back')}</Link>
      </p>
      {zone.isPending ? (
        <Loading />
      ) : zone.error ? (
        <ErrorNotice error={zone.error} onRetry={() => zone.refetch()} />
      ) : (
        z && (
          <>
            <div className="page-head">
              <h1>{z.name}</h1>
            </div>
            <p>
              <ZoneState zone={z} />{' '}
              <span className="muted">
                {t(`zones.kind.${z.kind}`)}
                {z.villageName && <> · {z.villageName}</>} ·{' '}
                {t('zones.period', { from: isoDateToText(z.startsOn), to: isoDateToText(z.plannedEndOn) })}
              </span>
            </p>
            <dl className="facts">
              <dt>{t('zones.liftingCriteria')}</dt>
              <dd>{z.liftingCriteria}</dd>
            </dl>
            <p data-testid="zone-days">
              {t('zones.daysWithout', {
                days: z.daysWithoutNewCase,
                goal: z.liftingDefault.daysWithoutNewCase,
              })}
            </p>
            <section className="card" aria-labelledby="zone-persons-title">
              <h2 id="zone-persons-title">{t('zones.persons', { count: z.persons.length })}</h2>
              <ul className="rows">
                {z.persons.map((p) => (
                  <li className="row" key={p.id} data-testid="zone-person">
                    <div className="row-main">
                      <strong>{p.fullName}</strong> · {p.birthYear}
                      {p.villageName && <> · {p.villageName}</>}
                    </div>
                    {canWrite && !z.liftedOn && (
                      <button
                        type="button"
                        className="btn"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(p.id)}
                      >
                        {t('zones.removePerson')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
              {canWrite && !z.liftedOn && (
                <>
                  <PersonSearch commune={z.communeCode} onPick={(p) => addPersons.mutate([p.id])} />
                  {addPersons.error && <ErrorNotice error={addPersons.error} />}
                </>
              )}
            </section>
            {canWrite && !z.liftedOn && (
              <form
                className="card inline-form"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  update.mutate({ liftedOn: parseDate(liftedOn) ?? liftedOn });
                }}
              >
                <FormField id="zone-lifted" label={t('zones.liftedOn')} error={liftError}>
                  {(aria) => <DateInput {...aria} value={liftedOn} onChange={setLiftedOn} />}
                </FormField>
                {update.error && !liftError && <ErrorNotice error={update.error} />}
                <FormActions
                  label={t('zones.lift')}
                  saving={update.isPending}
                  onCancel={() => setLiftedOn(isoDateToText(today))}
                />
              </form>
            )}
          </>
        )
      )}
    </>
  );
}
