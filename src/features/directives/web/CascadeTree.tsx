import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { byOrdinal, documentTitle } from './directive-format.ts';
import { type CascadeNode, COMPLIANCE_CLASSES, useCascade } from './directives-api.ts';
import { TaskStateBadge } from './TaskStateBadge.tsx';

/** One document of the cascade: its counts, its tasks by item down to each unit, then its children. */
function CascadeBranch({ node, currentId }: { node: CascadeNode; currentId: number }) {
  const { t } = useTranslation();
  const title = documentTitle(t, node.document);
  return (
    <li className="cascade-node" data-testid="cascade-document">
      <div className="cascade-doc">
        {node.document.id === currentId ? (
          <strong>{title}</strong>
        ) : (
          <Link to={`/directives/documents/${node.document.id}`}>{title}</Link>
        )}
        <span className="muted"> · {node.document.issuer}</span>
        <span className="cascade-counts">
          {COMPLIANCE_CLASSES.filter((c) => node.counts[c] > 0).map((c) => (
            <span key={c} className={`badge compliance-${c}`}>
              {t(`directives.compliance.classes.${c}`)}: {formatNumber(node.counts[c])}
            </span>
          ))}
        </span>
      </div>
      {(node.tasks.length > 0 || node.children.length > 0) && (
        <ul className="cascade-children">
          {byOrdinal(node.tasks).map(({ ordinal, tasks }) => (
            <li key={`item-${ordinal}`} className="cascade-item">
              <span className="cascade-item-label">{t('directives.item', { ordinal })}</span>
              <ul className="cascade-children">
                {tasks.map((task) => (
                  <li key={task.id} className="cascade-task" data-testid="cascade-task">
                    <Link
                      to={`/directives/tasks/${task.id}`}
                      className={task.assignee.resolved ? undefined : 'unresolved-name'}
                    >
                      {task.assignee.organizationId === null && task.assignee.unitName
                        ? task.assignee.unitName
                        : task.assignee.text}
                    </Link>{' '}
                    {!task.assignee.resolved && (
                      <span className="badge badge-unresolved">{t('directives.preview.unresolved')}</span>
                    )}
                    <TaskStateBadge state={task.state} overdue={task.overdue} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
          {node.children.map((child) => (
            <CascadeBranch key={child.document.id} node={child} currentId={currentId} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** "Cây chỉ đạo": the document, the documents implementing it and theirs, down to every commune's task. */
export function CascadeTree({ documentId }: { documentId: number }) {
  const { t } = useTranslation();
  const tree = useCascade(documentId, true);
  if (tree.isPending) return <Loading />;
  if (tree.isError) return <ErrorNotice error={tree.error} onRetry={() => void tree.refetch()} />;
  return (
    <ul className="cascade" aria-label={t('directives.document.cascade')} data-testid="cascade-tree">
      <CascadeBranch node={tree.data} currentId={documentId} />
    </ul>
  );
}
