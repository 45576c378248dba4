import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber, isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import {
  type RosterDose,
  type RosterInvitee,
  type SessionDoseResult,
  useRecordSessionDoses,
  useRoster,
} from './campaign-api.ts';
import { InviteFromWorklist } from './InviteFromWorklist.tsx';
import { birthOf } from './worklist-format.ts';

/** "Mũi 2", "Nhắc lại lần 1", "Mũi bổ sung". */
function doseLabel(t: TFunction, d: RosterDose) {
  if (d.kind === 'additional') return t('vaccination.card.additional');
  return d.kind === 'booster'
    ? t('vaccination.worklist.boosterDose', { n: d.dose_number })
    : t('vaccination.worklist.primaryDose', { n: d.dose_number });
}

/** Name, birth and phone of an invitee. */
function Who({ person: p }: { person: RosterInvitee }) {
  return (
    <span>
      <strong>{p.full_name}</strong>
      <span className="hint">
        {[birthOf({ birthDate: p.birth_date, birthYear: p.birth_year }), p.phone].filter(Boolean).join(' · ')}
      </span>
    </span>
  );
}

/**
 * A session's day: who was invited, who got a dose here (the dose's number follows from the person's
 * earlier doses), inviting more from the worklist, and recording the doses given — each checked on its own,
 * so one refusal (a dose too early) does not hold up the rest.
 */
export function SessionRoster({
  sessionId,
  canWrite,
  canInvite,
}: {
  sessionId: number;
  canWrite: boolean;
  canInvite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const roster = useRoster(sessionId);
  const record = useRecordSessionDoses(sessionId);
  const [inviting, setInviting] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [lot, setLot] = useState('');
  const [results, setResults] = useState<SessionDoseResult[]>([]);

  if (roster.isPending) return <Loading />;
  if (!roster.data) return <ErrorNotice error={roster.error} onRetry={() => void roster.refetch()} />;
  const { session, invitees, doses } = roster.data;
  const dosed = new Map(doses.map((d) => [d.person_id, d]));
  const nameOf = new Map(invitees.map((i) => [i.person_id, i.full_name]));

  const toggle = (id: number, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const save = () =>
    record.mutate(
      [...chosen].map((personId) => ({ personId, lot: lot.trim() || null })),
      {
        onSuccess: (r) => {
          setResults(r);
          setChosen(new Set());
        },
      },
    );

  return (
    <section className="card" aria-labelledby="roster-title" data-testid="session-roster">
      <h2 id="roster-title">
        {session.place} · {isoDateToText(session.date)}
      </h2>
      <p className="muted">
        {t(`vaccination.vaccines.${session.vaccine}`)} ·{' '}
        <span data-testid="roster-doses-left">
          {t('vaccination.sessions.dosesLeft', {
            left: formatNumber(session.doses_left),
            total: formatNumber(session.doses_available),
          })}
        </span>
        {session.note && <> · {session.note}</>}
      </p>

      <div className="section-head">
        <h3>{t('vaccination.sessions.invitees', { n: formatNumber(invitees.length) })}</h3>
        {canInvite && !inviting && (
          <button
            type="button"
            className="btn btn-small"
            data-testid="invite-open"
            onClick={() => setInviting(true)}
          >
            {t('vaccination.sessions.inviteOpen')}
          </button>
        )}
      </div>
      {inviting && (
        <InviteFromWorklist
          sessionId={sessionId}
          communeCode={session.unit_code}
          onDone={() => setInviting(false)}
        />
      )}
      {invitees.length === 0 ? (
        <p className="muted">{t('vaccination.sessions.noInvitees')}</p>
      ) : (
        <ul className="rows" aria-label={t('vaccination.sessions.inviteesLabel')}>
          {invitees.map((p) => {
            const dose = dosed.get(p.person_id);
            return (
              <li key={p.person_id} className="row" data-testid="roster-row" data-person={p.person_id}>
                {canWrite && !dose ? (
                  <label className="choice">
                    <input
                      type="checkbox"
                      aria-label={t('vaccination.sessions.giveTo', { name: p.full_name })}
                      checked={chosen.has(p.person_id)}
                      onChange={(e) => toggle(p.person_id, e.target.checked)}
                    />
                    <Who person={p} />
                  </label>
                ) : (
                  <div className="choice">
                    <Who person={p} />
                  </div>
                )}
                <span className={dose ? 'badge badge-on' : 'badge'} data-testid="roster-state">
                  {dose
                    ? t('vaccination.sessions.given', { dose: doseLabel(t, dose) })
                    : p.coverage
                      ? t(`vaccination.classes.${p.coverage}`)
                      : t(`vaccination.outcomes.invited`)}
                </span>
              </li>
            );
          })}
        </ul>
      )}

      {canWrite && invitees.some((p) => !dosed.has(p.person_id)) && (
        <div className="inline-form" data-testid="record-doses">
          <div className="field">
            <label htmlFor="session-lot">
              {t('vaccination.card.lot')} <span className="optional">({t('app.optional')})</span>
            </label>
            <input id="session-lot" value={lot} maxLength={50} onChange={(e) => setLot(e.target.value)} />
          </div>
          <ErrorNotice error={record.error} />
          <button
            type="button"
            className="btn btn-primary"
            data-testid="record-doses-save"
            disabled={chosen.size === 0 || record.isPending}
            onClick={save}
          >
            {record.isPending ? t('app.saving') : t('vaccination.sessions.record', { n: chosen.size })}
          </button>
        </div>
      )}
      {results.length > 0 && (
        <ul className="plain-list" data-testid="dose-results" aria-live="polite">
          {results.map((r) => (
            <li key={r.personId} data-result={r.result}>
              <strong>{nameOf.get(r.personId)}</strong>:{' '}
              {r.result === 'recorded'
                ? t('vaccination.sessions.results.recorded')
                : `${t(`vaccination.sessions.results.${r.result}`)} — ${r.reason[lang]}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
