import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { statusOf } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { NoAccessPage } from '../../../web/NoAccessPage.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { AwaitingList } from './AwaitingList.tsx';
import { DirectivesTabs } from './DirectivesTabs.tsx';
import { DocumentRegister } from './DocumentRegister.tsx';
import { PAGE_SIZE, TASK_STATES, type TaskState, useAwaiting, useInbox } from './directives-api.ts';
import { InboxTaskRow } from './InboxTaskRow.tsx';
import './directives.css';

const VIEWS = ['tasks', 'awaiting', 'incoming', 'outgoing'] as const;
type View = (typeof VIEWS)[number];

/**
 * /directives — the unit's tasks (newest first, new ones counted), the reports awaiting its acceptance (units
 * that give tasks), and its register of documents in and out.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const gives = user.unitLevel < 3;
  const views = gives ? VIEWS : VIEWS.filter((v) => v !== 'awaiting');
  const view: View = views.find((v) => v === params.get('view')) ?? 'tasks';
  const state = TASK_STATES.find((s) => s === params.get('state')) ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const inbox = useInbox(view === 'tasks' ? state : '', view === 'tasks' ? page : 1);
  const awaiting = useAwaiting(1, gives);
  useDocumentTitle(t('directives.title'));

  /** A new state filter starts at page 1; a page keeps the view and the filter. */
  const go = (next: { state?: TaskState | ''; page?: number }) => {
    const search = new URLSearchParams();
    if (view !== 'tasks') search.set('view', view);
    const s = next.state ?? state;
    if (view === 'tasks' && s) search.set('state', s);
    if ((next.page ?? 1) > 1) search.set('page', String(next.page));
    setParams(search);
  };

  if (statusOf(inbox.error) === 403) return <NoAccessPage />;
  const fresh = inbox.data?.counts.assigned ?? 0;
  const pills: Partial<Record<View, number>> = { tasks: fresh, awaiting: awaiting.data?.total ?? 0 };

  return (
    <>
      <DirectivesTabs />
      <div className="page-head">
        <h1>
          {t('directives.title')} <span className="count">· {user.unitName}</span>
        </h1>
        {can(user.role, 'directives.write') && user.unitLevel < 3 && (
          <Link className="btn btn-primary btn-small" to="/directives/new">
            {t('directives.register.add')}
          </Link>
        )}
      </div>
      <nav className="segmented" aria-label={t('directives.viewsLabel')}>
        {views.map((v) => (
          <Link
            key={v}
            to={v === 'tasks' ? '/directives' : `/directives?view=${v}`}
            className="btn btn-small"
            aria-current={v === view ? 'page' : undefined}
          >
            {t(`directives.views.${v}`)}
            {(pills[v] ?? 0) > 0 && (
              <span className="pill" data-testid={`pill-${v}`}>
                {formatNumber(pills[v])}
              </span>
            )}
          </Link>
        ))}
      </nav>
      {view === 'awaiting' ? (
        <AwaitingList page={page} onPage={(p) => go({ page: p })} />
      ) : view !== 'tasks' ? (
        <DocumentRegister direction={view} page={page} onPage={(p) => go({ page: p })} />
      ) : (
        <>
          <div className="inbox-head">
            <p className={fresh > 0 ? 'new-count new-count-some' : 'new-count'} data-testid="new-count">
              {t('directives.inbox.newCount', { n: formatNumber(fresh) })}
            </p>
            <label className="state-filter">
              <span className="visually-hidden">{t('directives.inbox.filterState')}</span>
              <select
                value={state}
                onChange={(e) => go({ state: e.target.value as TaskState | '' })}
                aria-label={t('directives.inbox.filterState')}
              >
                <option value="">
                  {t('directives.inbox.allStates')}
                  {inbox.data
                    ? ` (${formatNumber(Object.values(inbox.data.counts).reduce((a, b) => a + b, 0))})`
                    : ''}
                </option>
                {TASK_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`directives.states.${s}`)}
                    {inbox.data ? ` (${formatNumber(inbox.data.counts[s])})` : ''}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {inbox.isPending && <Loading />}
          {inbox.isError && <ErrorNotice error={inbox.error} onRetry={() => void inbox.refetch()} />}
          {inbox.data && (
            <section className="card inbox-list">
              {inbox.data.tasks.length === 0 ? (
                <p>{t('directives.inbox.none')}</p>
              ) : (
                <ul
                  className={inbox.isPlaceholderData ? 'rows stale' : 'rows'}
                  aria-busy={inbox.isFetching}
                  aria-label={t('directives.views.tasks')}
                >
                  {inbox.data.tasks.map((task) => (
                    <InboxTaskRow key={task.id} task={task} />
                  ))}
                </ul>
              )}
              <Pagination
                page={page}
                pages={Math.ceil(inbox.data.total / PAGE_SIZE)}
                onPage={(p) => go({ page: p })}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}
