import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { mutationFormProps } from '../../../web/add-form.ts';
import { DeleteButton } from '../../../web/DeleteButton.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { QueryList } from '../../../web/QueryList.tsx';
import { SectionHead } from '../../../web/SectionHead.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import { DirectivesTabs } from './DirectivesTabs.tsx';
import { deadlineText, isoToText } from './directive-format.ts';
import { useMembers, useSteeringChanges, useVisits } from './directives-api.ts';
import { MemberForm } from './MemberForm.tsx';
import { TaskStateBadge } from './TaskStateBadge.tsx';
import { VisitForm } from './VisitForm.tsx';
import './directives.css';

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
  const close = () => setAdding(null);

  return (
    <>
      <DirectivesTabs />
      <h1>
        {t('directives.steering.title')} <span className="count">· {user.unitName}</span>
      </h1>
      <section className="card" aria-labelledby="members-title">
        <SectionHead
          id="members-title"
          title={t('directives.steering.members')}
          addLabel={t('directives.steering.addMember')}
          canAdd={canEdit && adding !== 'member'}
          onAdd={() => setAdding('member')}
        />
        {adding === 'member' && (
          <MemberForm
            unitCode={user.unitCode}
            organizations={unit.data?.organizations ?? []}
            areas={children}
            {...mutationFormProps(changes.addMember, close)}
          />
        )}
        {changes.deleteMember.isError && <ErrorNotice error={changes.deleteMember.error} />}
        <QueryList query={members} empty={t('directives.steering.noMembers')}>
          {(m) => (
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
                  <DeleteButton
                    busy={changes.deleteMember.isPending}
                    onClick={() => removeMember(m.id, m.name)}
                  />
                </div>
              )}
            </li>
          )}
        </QueryList>
      </section>
      <section className="card" aria-labelledby="visits-title">
        <SectionHead
          id="visits-title"
          title={t('directives.steering.visits')}
          addLabel={t('directives.steering.addVisit')}
          canAdd={canEdit && adding !== 'visit'}
          onAdd={() => setAdding('visit')}
        />
        {adding === 'visit' && (
          <VisitForm
            unitCode={user.unitCode}
            members={members.data ?? []}
            areas={areas}
            {...mutationFormProps(changes.addVisit, close)}
          />
        )}
        {changes.deleteVisit.isError && <ErrorNotice error={changes.deleteVisit.error} />}
        <QueryList query={visits} empty={t('directives.steering.noVisits')}>
          {(v) => (
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
                  <DeleteButton busy={changes.deleteVisit.isPending} onClick={() => removeVisit(v.id)} />
                </div>
              )}
            </li>
          )}
        </QueryList>
      </section>
    </>
  );
}
