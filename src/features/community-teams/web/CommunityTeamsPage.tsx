import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { UnitPicker } from '../../../web/components/UnitPicker.tsx';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { isoDateToText, nextDay, parseDate } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import {
  parseMembers,
  SUPPORT_KINDS,
  type SupportKind,
  type SupportRequest,
  TEAM_DUTIES,
  TEAM_KINDS,
  type Team,
  type TeamDuty,
  type TeamKind,
  useAddRequest,
  useAddTeam,
  useAnswerRequest,
  useRequests,
  useTeams,
} from './teams-api.ts';
import './community-teams.css';

function TeamCard({ team }: { team: Team }) {
  const { t } = useTranslation();
  return (
    <li className="row" data-testid="team-row">
      <div className="row-main">
        <strong>{team.name}</strong> <span className="muted">· {t(`communityTeams.kind.${team.kind}`)}</span>
        <div className="muted">{team.villages.map((v) => v.name).join(', ')}</div>
        {team.workload && (
          <div>
            <span className={team.workload.total > 0 ? 'badge workload-busy' : 'badge'}>
              {t('communityTeams.workload', {
                home: team.workload.homeTreatment,
                quarantine: team.workload.quarantine,
              })}
            </span>
          </div>
        )}
        {team.phone && (
          <div>
            {team.leaderName ?? t('communityTeams.leader')}:{' '}
            <a className="tel" href={`tel:${team.phone}`}>
              {team.phone}
            </a>
          </div>
        )}
        <details>
          <summary>
            {t('communityTeams.members')} ({team.members.length})
          </summary>
          <ul className="plain-list">
            {team.members.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: members have no id
              <li key={i}>
                {m.name}
                {m.role ? ` — ${m.role}` : ''}
                {m.phone && (
                  <>
                    {' · '}
                    <a href={`tel:${m.phone}`}>{m.phone}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
          {team.duties.length > 0 && (
            <p className="muted">
              {t('communityTeams.duties')}: {team.duties.map((d) => t(`communityTeams.duty.${d}`)).join(', ')}
            </p>
          )}
        </details>
      </div>
    </li>
  );
}

function AddTeam({ commune, onDone }: { commune: string; onDone: () => void }) {
  const { t } = useTranslation();
  const unit = useUnit(commune);
  const add = useAddTeam();
  const [kind, setKind] = useState<TeamKind>('communityTeam');
  const [name, setName] = useState('');
  const [leaderName, setLeaderName] = useState('');
  const [phone, setPhone] = useState('');
  const [villageIds, setVillageIds] = useState<number[]>([]);
  const [duties, setDuties] = useState<TeamDuty[]>(['homeCareFollowUp', 'quarantineWatch']);
  const [members, setMembers] = useState('');
  const fieldError = (f: string) => (isApiError(add.error) ? add.error.fieldMessage(f) : undefined);
  const memberError = isApiError(add.error)
    ? add.error.fields?.find((f) => f.field.startsWith('members'))?.message
    : undefined;
  const toggle = <T,>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        commune,
        kind,
        name,
        leaderName: leaderName.trim() || null,
        phone: phone.trim() || null,
        duties,
        villageIds,
        members: parseMembers(members),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="card inline-form" onSubmit={submit} noValidate data-testid="team-form">
      <FormField id="team-kind" label={t('communityTeams.kindLabel')}>
        {(aria) => (
          <select {...aria} value={kind} onChange={(e) => setKind(e.target.value as TeamKind)}>
            {TEAM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`communityTeams.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="team-name" label={t('communityTeams.name')} error={fieldError('name')}>
        {(aria) => <input {...aria} value={name} onChange={(e) => setName(e.target.value)} />}
      </FormField>
      <FormField id="team-leader" label={t('communityTeams.leader')} optional={t('app.optional')}>
        {(aria) => <input {...aria} value={leaderName} onChange={(e) => setLeaderName(e.target.value)} />}
      </FormField>
      <FormField
        id="team-phone"
        label={t('communityTeams.phone')}
        optional={t('app.optional')}
        error={fieldError('phone')}
      >
        {(aria) => (
          <input {...aria} inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        )}
      </FormField>
      <fieldset className="checks">
        <legend>{t('communityTeams.villages')}</legend>
        {fieldError('villageIds') && <p className="field-error">{fieldError('villageIds')}</p>}
        {(unit.data?.villages ?? []).map((v) => (
          <label key={v.id}>
            <input
              type="checkbox"
              checked={villageIds.includes(v.id)}
              onChange={() => setVillageIds(toggle(villageIds, v.id))}
            />{' '}
            {v.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>{t('communityTeams.duties')}</legend>
        {TEAM_DUTIES.map((d) => (
          <label key={d}>
            <input
              type="checkbox"
              checked={duties.includes(d)}
              onChange={() => setDuties(toggle(duties, d))}
            />{' '}
            {t(`communityTeams.duty.${d}`)}
          </label>
        ))}
        <p className="hint">{t('communityTeams.dutiesProvisional')}</p>
      </fieldset>
      <FormField
        id="team-members"
        label={t('communityTeams.members')}
        hint={t('communityTeams.membersHint')}
        error={memberError}
      >
        {(aria) => (
          <textarea {...aria} rows={4} value={members} onChange={(e) => setMembers(e.target.value)} />
        )}
      </FormField>
      {add.error &&
        !fieldError('name') &&
        !fieldError('phone') &&
        !fieldError('villageIds') &&
        !memberError && <ErrorNotice error={add.error} />}
      <FormActions label={t('communityTeams.save')} saving={add.isPending} onCancel={onDone} />
    </form>
  );
}

function RequestForm({ commune }: { commune: string }) {
  const { t } = useTranslation();
  const add = useAddRequest();
  const today = useToday();
  const [kind, setKind] = useState<SupportKind>('police');
  const [details, setDetails] = useState('');
  const [neededBy, setNeededBy] = useState(isoDateToText(nextDay(today)));
  const fieldError = (f: string) => (isApiError(add.error) ? add.error.fieldMessage(f) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const day = parseDate(neededBy);
    add.mutate({ commune, kind, details, neededBy: day ?? neededBy }, { onSuccess: () => setDetails('') });
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate data-testid="request-form">
      <h3>{t('communityTeams.requests.new')}</h3>
      <FormField id="req-kind" label={t('communityTeams.requests.kindLabel')}>
        {(aria) => (
          <select {...aria} value={kind} onChange={(e) => setKind(e.target.value as SupportKind)}>
            {SUPPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`communityTeams.requests.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="req-details" label={t('communityTeams.requests.details')} error={fieldError('details')}>
        {(aria) => (
          <textarea {...aria} rows={3} value={details} onChange={(e) => setDetails(e.target.value)} />
        )}
      </FormField>
      <FormField id="req-needed" label={t('communityTeams.requests.neededBy')} error={fieldError('neededBy')}>
        {(aria) => <DateInput {...aria} value={neededBy} onChange={setNeededBy} />}
      </FormField>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={add.isPending} data-testid="send-request">
          {t('communityTeams.requests.send')}
        </button>
      </div>
    </form>
  );
}

function AnswerForm({ request }: { request: SupportRequest }) {
  const { t } = useTranslation();
  const answer = useAnswerRequest(request.id);
  const [text, setText] = useState('');
  const fieldError = isApiError(answer.error) ? answer.error.fieldMessage('answer') : undefined;
  return (
    <div className="inline-form">
      <FormField
        id={`answer-${request.id}`}
        label={t('communityTeams.requests.answerText')}
        error={fieldError}
      >
        {(aria) => <input {...aria} value={text} onChange={(e) => setText(e.target.value)} />}
      </FormField>
      {answer.error && !fieldError && <ErrorNotice error={answer.error} />}
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={answer.isPending}
          onClick={() => answer.mutate({ action: 'answer', answer: text.trim() || null })}
        >
          {t('communityTeams.requests.accept')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={answer.isPending}
          onClick={() => answer.mutate({ action: 'refuse', answer: text.trim() || null })}
        >
          {t('communityTeams.requests.refuse')}
        </button>
      </div>
    </div>
  );
}

function Requests({ unit, isCommune, canWrite }: { unit: string; isCommune: boolean; canWrite: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useRequests(unit);
  return (
    <section className="card" aria-labelledby="requests-title">
      <h2 id="requests-title">{t('communityTeams.requests.title')}</h2>
      {canWrite && isCommune && user.unitCode === unit && <RequestForm commune={unit} />}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorNotice error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          {list.data.overdue > 0 && (
            <p className="notice notice-error" data-testid="requests-overdue">
              {t('communityTeams.requests.overdueCount', { count: list.data.overdue })}
            </p>
          )}
          {list.data.requests.length === 0 ? (
            <p>{t('communityTeams.requests.empty')}</p>
          ) : (
            <ul className="rows">
              {list.data.requests.map((r) => (
                <li className="row" key={r.id} data-testid="request-row">
                  <div className="row-main">
                    <strong>{t(`communityTeams.requests.kind.${r.kind}`)}</strong>{' '}
                    <span className={`badge state-${r.state}`}>
                      {t(`communityTeams.requests.state.${r.state}`)}
                    </span>
                    {r.overdue && (
                      <span className="badge overdue">{t('communityTeams.requests.overdue')}</span>
                    )}
                    <div>{r.details}</div>
                    <div className="muted">
                      {t('communityTeams.requests.requestedOn', {
                        date: isoDateToText(r.requestedOn),
                        needed: isoDateToText(r.neededBy),
                      })}
                    </div>
                    {r.answer && <div>↳ {r.answer}</div>}
                    {canWrite && r.state === 'requested' && user.unitCode !== r.communeCode && (
                      <AnswerForm request={r} />
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/**
 * /community-teams — a commune's teams and inter-household groups on a phone (roster with phones to call, villages,
 * today's workload from the pillars), its requests for support to the district; the district sees every commune's
 * and answers the requests. ?unit= picks a unit below the user's.
 */
export function CommunityTeamsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') || user.unitCode;
  const [adding, setAdding] = useState(false);
  const teams = useTeams(unit);
  useDocumentTitle(t('communityTeams.title'));
  const isCommune = unit.length === 5;
  return (
    <>
      <div className="page-head">
        <h1>{t('communityTeams.title')}</h1>
      </div>
      {user.unitLevel < 3 && (
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <UnitPicker
            idPrefix="teams-unit"
            rootCode={user.unitCode}
            rootLevel={user.unitLevel}
            value={unit}
            emptyLabel={t('communityTeams.chooseUnit')}
            onChange={(code) =>
              setParams(code && code !== user.unitCode ? { unit: code } : {}, { replace: true })
            }
          />
        </form>
      )}
      <section className="card" aria-labelledby="roster-title">
        <h2 id="roster-title">{t('communityTeams.roster')}</h2>
        {can(user.role, 'communityTeams.write') &&
          (isCommune ? (
            adding ? (
              <AddTeam commune={unit} onDone={() => setAdding(false)} />
            ) : (
              <button type="button" className="btn" onClick={() => setAdding(true)}>
                {t('communityTeams.add')}
              </button>
            )
          ) : (
            <p className="muted">{t('communityTeams.chooseCommune')}</p>
          ))}
        {teams.isPending ? (
          <Loading />
        ) : teams.error ? (
          <ErrorNotice error={teams.error} onRetry={() => teams.refetch()} />
        ) : teams.data.teams.length === 0 ? (
          <p>{t('communityTeams.empty')}</p>
        ) : (
          <>
            <p className="muted">
              {t('communityTeams.total', { count: teams.data.total })} ·{' '}
              {t('communityTeams.workloadOn', { date: isoDateToText(teams.data.date) })}
            </p>
            <ul className="rows">
              {teams.data.teams.map((team) => (
                <TeamCard key={team.id} team={team} />
              ))}
            </ul>
          </>
        )}
      </section>
      <Requests unit={unit} isCommune={isCommune} canWrite={can(user.role, 'supportRequests.write')} />
    </>
  );
}
