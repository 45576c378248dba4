import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { statusOf } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { NotFoundPage } from '../../../web/NotFoundPage.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { plainLetterText } from '../rules/letter-text.ts';
import { CascadeTree } from './CascadeTree.tsx';
import { DirectivesTabs } from './DirectivesTabs.tsx';
import { DocumentTasks } from './DocumentTasks.tsx';
import { documentDate, documentTitle } from './directive-format.ts';
import { originalFileUrl, taskReportUrl, useDocument } from './directives-api.ts';
import './directives.css';
import { ScrollArea } from '../../../web/ScrollArea.tsx';

/**
 * /directives/documents/:id — the letter and its tasks side by side; the superior document it implements and
 * those implementing it; the cascade tree on demand; the unit's task report as .xlsx.
 */
export function DocumentPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { id = '' } = useParams();
  const numericId = /^\d+$/.test(id) ? Number(id) : 0;
  const view = useDocument(numericId);
  const [showTree, setShowTree] = useState(false);
  useDocumentTitle(view.data ? documentTitle(t, view.data.document) : t('directives.title'));

  const status = statusOf(view.error);
  if (!numericId || status === 404 || status === 400 || status === 403) return <NotFoundPage />;
  if (view.isPending) return <Loading />;
  if (view.isError) return <ErrorNotice error={view.error} onRetry={() => void view.refetch()} />;

  const {
    document: d,
    parentDocument,
    implementingDocuments,
    citedDocuments,
    originalFile,
    tasks,
  } = view.data;
  const linked = new Map(citedDocuments.map((c) => [c.reference, c.document]));
  const none = <span className="muted">—</span>;
  return (
    <>
      <DirectivesTabs />
      <p className="back-link">
        <Link to={`/directives?view=${d.direction}`}>{t('directives.document.back')}</Link>
      </p>
      <header className="document-head" data-testid="document-head">
        <h1>
          {documentTitle(t, d)}{' '}
          <span className="badge badge-direction">{t(`directives.views.${d.direction}`)}</span>
        </h1>
        {d.subject && <p className="document-subject">V/v {d.subject}</p>}
        <dl className="facts">
          <div>
            <dt>{t('directives.new.fields.issuer')}</dt>
            <dd>{d.issuer}</dd>
          </div>
          <div>
            <dt>{t('directives.new.fields.date')}</dt>
            <dd className="num">{documentDate(d.date, d.datePartial) ?? none}</dd>
          </div>
          {d.signer && (
            <div>
              <dt>{t('directives.new.fields.signer')}</dt>
              <dd>
                {[d.authority, d.signerTitle].filter(Boolean).join(' ')} {d.signer}
              </dd>
            </div>
          )}
        </dl>
      </header>
      <section className="document-links">
        {parentDocument ? (
          <p>
            {t('directives.document.implements')}:{' '}
            <Link to={`/directives/documents/${parentDocument.id}`} data-testid="parent-document">
              {documentTitle(t, parentDocument)}
            </Link>{' '}
            <span className="muted">({parentDocument.issuer})</span>
          </p>
        ) : null}
        {d.references.length > 0 && (
          <div>
            <p className="field-label">{t('directives.document.cites')}</p>
            <ul className="plain-list" data-testid="document-references">
              {d.references.map((r, i) => {
                const found = linked.get(i);
                return (
                  <li key={r.text}>
                    <span className="muted">{t(`directives.referenceRelations.${r.relation}`)}: </span>
                    {found ? <Link to={`/directives/documents/${found.id}`}>{r.text}</Link> : r.text}
                    {!found && <span className="muted"> ({t('directives.document.notInSystem')})</span>}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        {implementingDocuments.length > 0 && (
          <div>
            <p className="field-label">{t('directives.document.implementedBy')}</p>
            <ul className="plain-list">
              {implementingDocuments.map((c) => (
                <li key={c.id}>
                  <Link to={`/directives/documents/${c.id}`}>{documentTitle(t, c)}</Link>{' '}
                  <span className="muted">({c.issuer})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <div className="actions list-actions no-print">
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={showTree}
          aria-controls="cascade"
          data-testid="cascade-toggle"
          onClick={() => setShowTree((v) => !v)}
        >
          {showTree ? t('directives.document.cascadeHide') : t('directives.document.cascadeShow')}
        </button>
        <Link className="btn btn-small" to={`/directives/compliance?document=${d.id}`}>
          {t('directives.document.compliance')}
        </Link>
        <a className="btn btn-small" href={taskReportUrl(user.unitCode)} download>
          {t('directives.document.exportXlsx')}
        </a>
        {originalFile && (
          <a className="btn btn-small" href={originalFileUrl(d.id)} download>
            {t('directives.document.originalFile', { name: originalFile.name })}
          </a>
        )}
      </div>
      {showTree && (
        <section id="cascade" className="card">
          <h2>{t('directives.document.cascade')}</h2>
          <CascadeTree documentId={d.id} />
        </section>
      )}
      <div className="review-layout">
        <section className="review-source card" aria-labelledby="doc-text-title">
          <h2 id="doc-text-title">{t('directives.document.text')}</h2>
          <ScrollArea className="letter-source" label={t('directives.document.text')}>
            <pre>{plainLetterText(d.originalText || d.body)}</pre>
          </ScrollArea>
        </section>
        <section className="card" aria-labelledby="doc-tasks-title">
          <h2 id="doc-tasks-title">{t('directives.document.tasks')}</h2>
          <DocumentTasks tasks={tasks} />
        </section>
      </div>
    </>
  );
}
