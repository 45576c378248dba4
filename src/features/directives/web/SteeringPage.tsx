import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/units-api.ts';
import { can } from '../../auth/rules.ts';
import { DirectivesTabs } from './DirectivesTabs.tsx';
import { deadlineText, isoToText } from './directive-format.ts';
import { useMembers, useSteeringChanges, useVisits } from './directives-api.ts';
import { MemberForm } from './MemberForm.tsx';
import { TaskStateBadge } from './TaskStateBadge.tsx';
import { VisitForm } from './VisitForm.tsx';

/**
 * /directives/steering — the unit's steering committee: its members and the area each supervises (seed 004),
 * and the log of supervision visits with the tasks each opened.
 */
export function SteeringPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const unit = useUnit(user.unitCode);
  const members = useMembers(user.unitCode);
  const visits = useVisits(user.unitCode);
  const changes = useSteeringChanges();
  const [adding, setAdding] = useState<'member' | 'visit' | null>(null);
  const canEdit = can(user.role, 'directives.write');
  useDocumentTitle(t('directives.steering.title'));

  const children = unit.data?.children ?? [];
  const areas = unit.data
    ? [{ code: unit.data.unit.code, nameWithType: unit.data.unit.nameWithType }, ...children]
    : [];
  const removeMember = (id: number, name: string) => {
    if (window.confirm(t('directives.steering.confirmRemove', { name }))) changes.deleteMember.mutate(id);
  };
  const removeVisit = (id: number) => {
    if (window.confirm(t('directives.steering.confirmDeleteVisit'))) changes.deleteVisit.mutate(id);
  };

  return (
    <>
      <DirectivesTabs />
      <h1>
        {t('directives.steering.title')} <span className="count">· {user.unitName}</span>
      </h1>
      <section className="card" aria-labelledby="members-title">
        <div className="section-head">
          <h2 id="members-title">{t('directives.steering.members')}</h2>
          {canEdit && adding !== 'member' && (
            <button type="button" className="btn btn-small" onClick={() => setAdding('member')}>
              {t('directives.steering.addMember')}
            </button>
          )}
        </div>
        {adding === 'member' && (
          <MemberForm
            unitCode={user.unitCode}
            organizations={unit.data?.organizations ?? []}
            areas={children}
            saving={changes.addMember.isPending}
            error={changes.addMember.error}
            onCancel={() => {
              changes.addMember.reset();
              setAdding(null);
            }}
            onSubmit={(input) => changes.addMember.mutate(input, { onSuccess: () => setAdding(null) })}
          />
        )}
        {changes.deleteMember.isError && <ErrorNotice error={changes.deleteMember.error} />}
        {members.isPending && <Loading />}
        {members.isError && <ErrorNotice error={members.error} onRetry={() => void members.refetch()} />}
        {members.data &&
          (members.data.length === 0 ? (
            <p className="muted">{t('directives.steering.noMembers')}</p>
          ) : (
            <ul className="rows">
              {members.data.map((m) => (
                <li key={m.id} className="row" data-testid="member-row">
                  <div className="row-main">
                    <strong>{m.name}</strong>
                    <div className="row-meta">
                      <span>{m.position}</span>
                      {m.organizationName && <span>{m.organizationName}</span>}
                      {m.assignedArea && (
                        <span>
                          {t('directives.steering.supervises', {
                            area: m.assignedArea.name ?? m.assignedArea.code,
                          })}
                        </span>
                      )}
                    </div>
                  </div>
                  {canEdit && (
                    <div className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small btn-danger"
                        disabled={changes.deleteMember.isPending}
                        onClick={() => removeMember(m.id, m.name)}
                      >
                        {t('app.delete')}
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          ))}
      </section>
      <section className="card" aria-labelledby="visits-title">
        <div className="section-head">
          <h2 id="visits-title">{t('directives.steering.visits')}</h2>
          {canEdit && adding !== 'visit' && (
            <button type="button" className="btn btn-small" onClick={() => setAdding('visit')}>
              {t('directives.steering.addVisit')}
            </button>
          )}
        </div>
        {adding === 'visit' && (
          <VisitForm
            unitCode={user.unitCode}
            members={members.data ?? []}
            areas={areas}
            saving={changes.addVisit.isPending}
            error={changes.addVisit.error}
            onCancel={() => {
              changes.addVisit.reset();
              setAdding(null);
            }}
            onSubmit={(input) => changes.addVisit.mutate(input, { onSuccess: () => setAdding(null) })}
          />
        )}
        {changes.deleteVisit.isError && <ErrorNotice error={changes.deleteVisit.error} />}
        {visits.isPending && <Loading />}
        {visits.isError && <ErrorNotice error={visits.error} onRetry={() => void visits.refetch()} />}
        {visits.data &&
          (visits.data.length === 0 ? (
            <p className="muted">{t('directives.steering.noVisits')}</p>
          ) : (
            <ul className="rows">
              {visits.data.map((v) => (
                <li key={v.id} className="row" data-testid="visit-row">
                  <div className="row-main">
                    <strong>
                      <span className="num">{isoToText(v.date)}</span> · {v.area.name ?? v.area.code}
                    </strong>
                    {v.member?.name && <div className="row-meta">{v.member.name}</div>}
                    <p className="report-text">{v.findings}</p>
                    {v.tasks.length > 0 && (
                      <ul className="plain-list">
                        {v.tasks.map((task) => (
                          <li key={task.id}>
                            <Link to={`/directives/tasks/${task.id}`}>
                              {task.assignee.unitName ?? task.assignee.text}: {task.text}
                            </Link>{' '}
                            <span className="muted">
                              ({t('directives.deadline')}: {deadlineText(t, task.deadline)})
                            </span>{' '}
                            <TaskStateBadge state={task.state} overdue={task.overdue} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                  {canEdit && v.tasks.length === 0 && (
                    <div className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small btn-danger"
                        disabled={changes.deleteVisit.isPending}
                        onClick={() => removeVisit(v.id)}
                      >
                        {t('app.delete')}
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          ))}
      </section>
    </>
  );
}
