import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDate, formatNumber, parseDate } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { DecisionFields, DecisionLine, useDecisionFields } from './DecisionFields.tsx';
import { MovementTabs } from './MovementTabs.tsx';
import {
  type GatheringItem,
  useDecideGathering,
  useGatherings,
  useRequestGathering,
} from './movement-api.ts';
import './movement.css';

const KINDS = ['festival', 'wedding', 'funeral', 'religious', 'sport', 'fair', 'other'] as const;

/**
 * /movement/gatherings — Tết festivals and events: a commune requests one and sees the conditions at its level on
 * the date; the committee approves or refuses with reasons. The list shows the next 30 days of the unit.
 */
export function GatheringsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useGatherings(user.unitCode);
  const canDecide = can(user.role, 'movement.decide');
  useDocumentTitle(t('movement.gatherings.title'));
  return (
    <>
      <div className="page-head">
        <h1>{t('movement.gatherings.title')}</h1>
      </div>
      <MovementTabs />
      {user.unitLevel === 3 && can(user.role, 'movement.write') && <RequestForm commune={user.unitCode} />}
      {list.isPending && <Loading />}
      <ErrorNotice error={list.error} />
      <ul className="arrival-list">
        {list.data?.gatherings.map((g) => (
          <Gathering key={g.id} g={g} canDecide={canDecide} />
        ))}
      </ul>
    </>
  );
}

function Gathering({ g, canDecide }: { g: GatheringItem; canDecide: boolean }) {
  const { t } = useTranslation();
  const decide = useDecideGathering();
  const [reason, setReason] = useState('');
  const signed = useDecisionFields();
  const send = (decision: 'approve' | 'refuse') => {
    const d = signed.read();
    if (d) decide.mutate({ id: g.id, decision, reason, ...d });
  };
  const c = g.conditions;
  return (
    <li className="arrival-card">
      <div className="arrival-head">
        <strong>{g.name}</strong>
        <span className={`badge status-${g.status}`}>
          {t(`movement.gatherings.status.${g.status as 'requested'}`)}
        </span>
      </div>
      <div className="muted">
        {formatDate(g.date)} · {g.place} · {formatNumber(g.participants)} {t('movement.gatherings.people')} ·{' '}
        {g.organiser}
      </div>
      <div>
        {t('movement.gatherings.level', { level: c.level })} ·{' '}
        {c.limit === null
          ? t('movement.gatherings.noLimit')
          : t('movement.gatherings.limit', { n: formatNumber(c.limit) })}
        {c.participantsMustBeCovered && ` · ${t('movement.gatherings.covered')}`}
        {c.provisional && <span className="badge badge-provisional">{t('movement.provisional')}</span>}
      </div>
      {c.problems.length > 0 && (
        <div className="due due-quarantine">
          {c.problems.map((p) => t(`movement.gatherings.problems.${p}`)).join('; ')}
        </div>
      )}
      <div className="muted">{t(`movement.gatherings.proposal.${c.proposal}`)}</div>
      {g.decided && <DecisionLine label={t('movement.gatherings.decided')} d={g.decided} />}
      {g.decisionReason && <div className="muted">{g.decisionReason}</div>}
      {canDecide && g.status === 'requested' && (
        <details>
          <summary>{t('movement.gatherings.decide')}</summary>
          <form className="form" onSubmit={(e) => e.preventDefault()}>
            <label htmlFor={`reason-${g.id}`}>{t('movement.gatherings.reason')}</label>
            <input id={`reason-${g.id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
            <DecisionFields id={`decision-${g.id}`} form={signed} error={decide.error} />
            <ErrorNotice error={decide.error} />
            <div className="form-actions">
              {(['approve', 'refuse'] as const).map((d) => (
                <button
                  key={d}
                  type="button"
                  className={d === 'approve' ? 'btn btn-primary' : 'btn'}
                  disabled={decide.isPending}
                  onClick={() => send(d)}
                >
                  {t(`movement.gatherings.${d}`)}
                </button>
              ))}
            </div>
          </form>
        </details>
      )}
    </li>
  );
}

function RequestForm({ commune }: { commune: string }) {
  const { t } = useTranslation();
  const send = useRequestGathering();
  const [f, setF] = useState({
    name: '',
    kind: 'festival',
    organiser: '',
    place: '',
    venue: 'outdoor',
    date: '',
    participants: '',
    covered: true,
  });
  const input = (k: 'name' | 'organiser' | 'place' | 'participants') => ({
    id: `gathering-${k}`,
    value: f[k],
    onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }),
  });
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate({
          communeCode: commune,
          name: f.name,
          kind: f.kind,
          organiser: f.organiser,
          place: f.place,
          venue: f.venue,
          date: parseDate(f.date) ?? f.date,
          participants: Number(f.participants) || 0,
          allParticipantsCovered: f.covered,
        });
      }}
    >
      <h2>{t('movement.gatherings.request')}</h2>
      <label htmlFor="gathering-name">{t('movement.gatherings.name')}</label>
      <input required {...input('name')} />
      <label htmlFor="gathering-kind">{t('movement.gatherings.kind')}</label>
      <select id="gathering-kind" value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`movement.gatherings.kinds.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor="gathering-organiser">{t('movement.gatherings.organiser')}</label>
      <input required {...input('organiser')} />
      <label htmlFor="gathering-place">{t('movement.gatherings.place')}</label>
      <input required {...input('place')} />
      <label htmlFor="gathering-venue">{t('movement.gatherings.venue')}</label>
      <select id="gathering-venue" value={f.venue} onChange={(e) => setF({ ...f, venue: e.target.value })}>
        <option value="outdoor">{t('movement.gatherings.outdoor')}</option>
        <option value="indoor">{t('movement.gatherings.indoor')}</option>
      </select>
      <label htmlFor="gathering-date">{t('movement.gatherings.date')}</label>
      <DateInput id="gathering-date" required value={f.date} onChange={(v) => setF({ ...f, date: v })} />
      <label htmlFor="gathering-participants">{t('movement.gatherings.participants')}</label>
      <input required inputMode="numeric" {...input('participants')} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={f.covered}
          onChange={(e) => setF({ ...f, covered: e.target.checked })}
        />{' '}
        {t('movement.gatherings.allCovered')}
      </label>
      <ErrorNotice error={send.error} />
      <button type="submit" className="btn btn-primary btn-block" disabled={send.isPending}>
        {t('movement.gatherings.send')}
      </button>
    </form>
  );
}
