import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useToday } from '../../../web/calendar.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDate, formatNumber, isoDateToText, parseDate } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { DecisionLine, SignedForm } from './DecisionFields.tsx';
import { MovementTabs } from './MovementTabs.tsx';
import {
  type CheckpointItem,
  useCheckpoints,
  useCloseCheckpoint,
  useHandOver,
  useOpenCheckpoint,
  useRecordShift,
  useShifts,
} from './movement-api.ts';
import './movement.css';

const SHIFTS = ['morning', 'afternoon', 'night'] as const;
const COUNTS = ['countIn', 'countOut', 'turnedBack', 'sentToTesting'] as const;

/**
 * /movement/checkpoints — the unit's checkpoints (open first) with the decisions that opened and closed them
 * (number, date, signer); a shift's entry (staff, counts) and its handover, on a phone. The committee opens
 * (a commune's user) and closes a checkpoint by a signed decision here.
 */
export function CheckpointsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useCheckpoints(user.unitCode);
  const [chosen, setChosen] = useState<number | null>(null);
  useDocumentTitle(t('movement.checkpoints.title'));
  const canDecide = can(user.role, 'movement.decide');
  const id = chosen ?? list.data?.checkpoints[0]?.id ?? null;
  const checkpoint = list.data?.checkpoints.find((c) => c.id === id);
  return (
    <>
      <div className="page-head">
        <h1>{t('movement.checkpoints.title')}</h1>
      </div>
      <MovementTabs />
      {list.isPending && <Loading />}
      <ErrorNotice error={list.error} />
      {list.data?.checkpoints.length === 0 && <p className="muted">{t('movement.checkpoints.none')}</p>}
      {list.data && list.data.checkpoints.length > 0 && (
        <>
          <label htmlFor="checkpoint-pick">{t('movement.checkpoints.pick')}</label>
          <select id="checkpoint-pick" value={id ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
            {list.data.checkpoints.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.closed ? ` (${t('movement.checkpoints.closedBadge')})` : ''}
              </option>
            ))}
          </select>
          {checkpoint && (
            <>
              <DecisionLine label={t('movement.checkpoints.opened')} d={checkpoint.opened} />
              {checkpoint.closed && (
                <DecisionLine label={t('movement.checkpoints.closed')} d={checkpoint.closed} />
              )}
            </>
          )}
          {id !== null && (
            <p className="decision-links">
              <Link to={`/movement/checkpoints/${id}/decision/open`}>{t('movement.decision.open')}</Link>
              {list.data.checkpoints.find((c) => c.id === id)?.closed && (
                <>
                  {' · '}
                  <Link to={`/movement/checkpoints/${id}/decision/close`}>
                    {t('movement.decision.close')}
                  </Link>
                </>
              )}
            </p>
          )}
        </>
      )}
      {checkpoint && canDecide && checkpoint.status === 'open' && (
        <CloseForm key={checkpoint.id} checkpoint={checkpoint} />
      )}
      {id !== null && <ShiftEntry id={id} />}
      {canDecide && user.unitLevel === 3 && <OpenForm commune={user.unitCode} />}
    </>
  );
}

/** Closing a checkpoint by the committee's signed decision. */
function CloseForm({ checkpoint }: { checkpoint: CheckpointItem }) {
  const { t } = useTranslation();
  const close = useCloseCheckpoint();
  return (
    <SignedForm
      id="close"
      title={t('movement.checkpoints.close')}
      submit={t('movement.checkpoints.closeSubmit')}
      mutation={close}
      send={(d) => close.mutate({ id: checkpoint.id, ...d })}
    />
  );
}

/** A new checkpoint in the user's commune, opened by a signed decision. */
function OpenForm({ commune }: { commune: string }) {
  const { t } = useTranslation();
  const open = useOpenCheckpoint();
  const [name, setName] = useState('');
  const [place, setPlace] = useState('');
  return (
    <SignedForm
      id="open"
      title={t('movement.checkpoints.open')}
      submit={t('movement.checkpoints.openSubmit')}
      mutation={open}
      send={(d) => open.mutate({ communeCode: commune, name, place, ...d })}
    >
      <label htmlFor="checkpoint-name">{t('movement.checkpoints.name')}</label>
      <input id="checkpoint-name" required value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="checkpoint-place">{t('movement.checkpoints.place')}</label>
      <input id="checkpoint-place" required value={place} onChange={(e) => setPlace(e.target.value)} />
    </SignedForm>
  );
}

function ShiftEntry({ id }: { id: number }) {
  const { t } = useTranslation();
  const shifts = useShifts(id);
  const record = useRecordShift(id);
  const handOver = useHandOver();
  const [day, setDay] = useState(isoDateToText(useToday()));
  const [shift, setShift] = useState<(typeof SHIFTS)[number]>('morning');
  const [staff, setStaff] = useState('');
  const [counts, setCounts] = useState<Record<(typeof COUNTS)[number], string>>({
    countIn: '',
    countOut: '',
    turnedBack: '0',
    sentToTesting: '0',
  });
  const [next, setNext] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    record.mutate({
      day: parseDate(day) ?? day,
      shift,
      staff: staff
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
      ...Object.fromEntries(COUNTS.map((k) => [k, Number(counts[k]) || 0])),
    });
  };
  const last = shifts.data?.shifts[0];
  return (
    <>
      <form className="form" onSubmit={submit}>
        <h2>{t('movement.checkpoints.newShift')}</h2>
        <label htmlFor="shift-day">{t('movement.checkpoints.day')}</label>
        <DateInput id="shift-day" value={day} onChange={setDay} />
        <label htmlFor="shift-shift">{t('movement.checkpoints.shift')}</label>
        <select id="shift-shift" value={shift} onChange={(e) => setShift(e.target.value as typeof shift)}>
          {SHIFTS.map((s) => (
            <option key={s} value={s}>
              {t(`movement.shifts.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor="shift-staff">{t('movement.checkpoints.staff')}</label>
        <textarea id="shift-staff" rows={2} value={staff} onChange={(e) => setStaff(e.target.value)} />
        <div className="count-grid">
          {COUNTS.map((k) => (
            <div key={k}>
              <label htmlFor={`shift-${k}`}>{t(`movement.counts.${k}`)}</label>
              <input
                id={`shift-${k}`}
                inputMode="numeric"
                value={counts[k]}
                onChange={(e) => setCounts({ ...counts, [k]: e.target.value })}
              />
            </div>
          ))}
        </div>
        <ErrorNotice error={record.error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={record.isPending}>
          {t('movement.save')}
        </button>
      </form>
      {shifts.data && (
        <>
          <h2>{t('movement.checkpoints.latest')}</h2>
          <p className="muted">
            {COUNTS.map((k) => `${t(`movement.counts.${k}`)}: ${formatNumber(shifts.data.totals[k])}`).join(
              ' · ',
            )}
          </p>
          <ul className="arrival-list">
            {shifts.data.shifts.map((s) => (
              <li key={s.id} className="arrival-card">
                <strong>
                  {formatDate(s.day)} · {t(`movement.shifts.${s.shift as 'morning'}`)}
                </strong>
                <div className="muted">{s.staff.join(', ')}</div>
                <div>{COUNTS.map((k) => `${t(`movement.counts.${k}`)} ${s[k]}`).join(' · ')}</div>
                {s.handover && (
                  <div className="muted">{t('movement.checkpoints.handedTo', { to: s.handover.to })}</div>
                )}
              </li>
            ))}
          </ul>
          {last && !last.handover && (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                handOver.mutate({ id: last.id, to: next });
              }}
            >
              <label htmlFor="handover-to">{t('movement.checkpoints.handoverTo')}</label>
              <input id="handover-to" required value={next} onChange={(e) => setNext(e.target.value)} />
              <ErrorNotice error={handOver.error} />
              <button type="submit" className="btn btn-block">
                {t('movement.checkpoints.handover')}
              </button>
            </form>
          )}
        </>
      )}
    </>
  );
}
