import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber } from '../../../web/format.ts';
import { ScrollArea } from '../../../web/ScrollArea.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { DraftField } from './DraftField.tsx';
import { documentDate, documentTitle, fileToBase64, issuedBy } from './directive-format.ts';
import {
  DIRECTIONS,
  type Direction,
  DOCUMENT_KINDS,
  type DocumentKind,
  type LetterReading,
  type Preview,
  previewDocument,
  type RegisterRequest,
  registerDocument,
  useRefreshDirectives,
} from './directives-api.ts';
import { type Draft, type DraftTask, emptyTask, fromDraft, toDraft } from './document-draft.ts';
import { ReferencesEditor } from './ReferencesEditor.tsx';
import { TaskEditor } from './TaskEditor.tsx';

interface Props {
  parsed: LetterReading;
  /** The pasted text, shown on the left and kept as the original. */
  text: string;
  /** The original file, kept with the document. */
  file: File | null;
  onBack: () => void;
}

/**
 * The review screen: the letter on the left, what was understood on the right, every field editable; how the
 * tasks will be assigned (POST /api/documents/preview); "Lưu" registers it. On a phone the panes stack.
 */
export function DocumentReview({ parsed, text, file, onBack }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const refresh = useRefreshDirectives();
  const [draft, setDraft] = useState<Draft>(() => toDraft(parsed));
  const [direction, setDirection] = useState<Direction>(() =>
    issuedBy(parsed.issuer, user.unitName) ? 'outgoing' : 'incoming',
  );
  const [showProblems, setShowProblems] = useState(false);
  const { document, problems } = useMemo(() => fromDraft(draft), [draft]);
  const request: RegisterRequest = { unitCode: user.unitCode, direction, document };
  const requestKey = JSON.stringify(request);
  const hasProblems = Object.keys(problems).length > 0;

  const preview = useMutation({
    mutationFn: (r: { request: RegisterRequest; key: string }) =>
      previewDocument(r.request).then((answer) => ({ answer, key: r.key })),
  });
  const save = useMutation({
    mutationFn: async (r: RegisterRequest) =>
      registerDocument({
        ...r,
        originalText: text,
        originalFile: file ? { name: file.name, contentBase64: await fileToBase64(file) } : null,
      }),
    onSuccess: (view) => {
      void refresh();
      navigate(`/directives/documents/${view.document.id}`);
    },
  });

  // The first preview runs on its own: the reviewer sees at once which names matched no unit.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || hasProblems) return;
    started.current = true;
    preview.mutate({ request, key: requestKey });
  });

  const shown: Preview | undefined = preview.data?.answer;
  const stale = preview.data !== undefined && preview.data.key !== requestKey;
  const plannedFor = (ordinal: string) => shown?.tasks.filter((p) => p.ordinal === ordinal);
  const problem = (field: string) =>
    showProblems && problems[field] ? t(`directives.new.problems.${problems[field]}`) : undefined;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setTask = (key: number, patch: Partial<DraftTask>) =>
    setDraft((d) => ({ ...d, tasks: d.tasks.map((x) => (x.key === key ? { ...x, ...patch } : x)) }));

  const runPreview = () => {
    setShowProblems(true);
    if (!hasProblems) preview.mutate({ request, key: requestKey });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (!hasProblems) save.mutate(request);
  };

  const partial = draft.date.trim() ? null : documentDate(null, draft.datePartial);
  return (
    <>
      <div className="page-head">
        <h1>{t('directives.new.review')}</h1>
        <button type="button" className="btn btn-small" onClick={onBack}>
          {t('directives.new.backToText')}
        </button>
      </div>
      <p className="muted import-intro">{t('directives.new.reviewIntro')}</p>
      {parsed.gaps.length > 0 && (
        <p className="notice notice-warn" role="status" data-testid="parse-gaps">
          {t('directives.new.gaps')}
        </p>
      )}
      <div className="review-layout">
        <section className="review-source card" aria-labelledby="source-title">
          <h2 id="source-title">{t('directives.new.original')}</h2>
          <ScrollArea className="letter-source" label={t('directives.new.original')}>
            <pre>{text}</pre>
          </ScrollArea>
        </section>
        <form className="review-form card" onSubmit={submit} noValidate>
          <h2>{t('directives.new.understood')}</h2>
          <fieldset className="plain-fieldset review-group">
            <legend className="field-label">{t('directives.new.direction')}</legend>
            {DIRECTIONS.map((d) => (
              <label key={d} className="choice">
                <input
                  type="radio"
                  name="direction"
                  value={d}
                  data-testid={`direction-${d}`}
                  checked={direction === d}
                  onChange={() => setDirection(d)}
                />
                <span>
                  <strong>{t(`directives.views.${d}`)}</strong>
                  <span className="hint">{t(`directives.new.directionHints.${d}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field-grid">
            <div className="field">
              <label htmlFor="doc-kind">{t('directives.new.fields.kind')}</label>
              <select
                id="doc-kind"
                value={draft.kind}
                onChange={(e) => set('kind', e.target.value as DocumentKind)}
              >
                {DOCUMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`directives.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <DraftField
              id="doc-number"
              label={t('directives.new.fields.number')}
              hint={t('directives.new.numberBlank')}
              maxLength={20}
              value={draft.number}
              onChange={(v) => set('number', v)}
            />
            <DraftField
              id="doc-symbol"
              label={t('directives.new.fields.symbol')}
              maxLength={60}
              value={draft.symbol}
              onChange={(v) => set('symbol', v)}
            />
            <DraftField
              id="doc-date"
              label={t('directives.new.fields.date')}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              hint={partial ? t('directives.new.datePartial', { date: partial }) : undefined}
              error={problem('date')}
              value={draft.date}
              onChange={(v) => set('date', v)}
            />
          </div>
          <DraftField
            id="doc-issuer"
            label={t('directives.new.fields.issuer')}
            error={problem('issuer')}
            value={draft.issuer}
            onChange={(v) => set('issuer', v)}
          />
          <div className="field-grid">
            <DraftField
              id="doc-issuer-superior"
              label={t('directives.new.fields.issuerSuperior')}
              optional={t('app.optional')}
              value={draft.issuerSuperior}
              onChange={(v) => set('issuerSuperior', v)}
            />
            <DraftField
              id="doc-place"
              label={t('directives.new.fields.place')}
              optional={t('app.optional')}
              value={draft.place}
              onChange={(v) => set('place', v)}
            />
          </div>
          <DraftField
            id="doc-subject"
            label={t('directives.new.fields.subject')}
            rows={2}
            value={draft.subject}
            onChange={(v) => set('subject', v)}
          />
          <ReferencesEditor
            references={draft.references}
            problems={showProblems ? problems : {}}
            onChange={(v) => set('references', v)}
          />
          <DraftField
            id="doc-addressees"
            label={t('directives.new.fields.addressees')}
            hint={t('directives.new.onePerLine')}
            rows={Math.min(8, Math.max(2, draft.addressees.split('\n').length))}
            value={draft.addressees}
            onChange={(v) => set('addressees', v)}
          />
          <h2 className="review-tasks-title">
            {t('directives.new.tasks', { n: formatNumber(draft.tasks.length) })}
          </h2>
          <ol className="task-editors">
            {draft.tasks.map((task) => (
              <TaskEditor
                key={task.key}
                task={task}
                problems={showProblems ? problems : {}}
                planned={shown ? plannedFor(task.ordinal.trim()) : undefined}
                stale={stale}
                onChange={(patch) => setTask(task.key, patch)}
                onRemove={() =>
                  set(
                    'tasks',
                    draft.tasks.filter((x) => x.key !== task.key),
                  )
                }
              />
            ))}
          </ol>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => set('tasks', [...draft.tasks, emptyTask(String(draft.tasks.length + 1))])}
          >
            {t('directives.new.task.add')}
          </button>
          <details className="review-group signature-fields fold">
            <summary>{t('directives.new.signature')}</summary>
            <DraftField
              id="doc-distribution"
              label={t('directives.new.fields.distribution')}
              hint={t('directives.new.distributionHint')}
              rows={Math.min(8, Math.max(2, draft.distribution.split('\n').length))}
              value={draft.distribution}
              onChange={(v) => set('distribution', v)}
            />
            <div className="field-grid">
              <DraftField
                id="doc-authority"
                label={t('directives.new.fields.authority')}
                value={draft.authority}
                onChange={(v) => set('authority', v)}
              />
              <DraftField
                id="doc-signer-title"
                label={t('directives.new.fields.signerTitle')}
                value={draft.signerTitle}
                onChange={(v) => set('signerTitle', v)}
              />
              <DraftField
                id="doc-signer"
                label={t('directives.new.fields.signer')}
                value={draft.signer}
                onChange={(v) => set('signer', v)}
              />
            </div>
          </details>
          <section className="preview-summary" aria-live="polite" data-testid="preview-summary">
            <h2>{t('directives.preview.title')}</h2>
            {preview.isPending && <p className="loading">{t('directives.preview.loading')}</p>}
            {preview.isError && <ErrorNotice error={preview.error} />}
            {shown?.duplicateOf && (
              <p className="notice notice-error" role="alert" data-testid="duplicate-of">
                {t('directives.preview.duplicate')}{' '}
                <Link to={`/directives/documents/${shown.duplicateOf.id}`}>
                  {documentTitle(t, shown.duplicateOf)}
                </Link>
              </p>
            )}
            {shown && (
              <div className={stale ? 'stale' : undefined}>
                <p>{t('directives.preview.count', { n: formatNumber(shown.tasks.length) })}</p>
                {shown.parentDocument && (
                  <p>
                    {t('directives.preview.parent')}{' '}
                    <Link to={`/directives/documents/${shown.parentDocument.id}`} target="_blank">
                      {documentTitle(t, shown.parentDocument)}
                    </Link>
                  </p>
                )}
                {shown.unresolved.length > 0 && (
                  <div className="notice notice-warn" data-testid="unresolved-summary">
                    <p className="notice-text">
                      {t('directives.preview.unresolvedCount', { n: formatNumber(shown.unresolved.length) })}
                    </p>
                    <ul className="chips">
                      {shown.unresolved.map((name) => (
                        <li key={name} className="chip chip-unresolved">
                          {name}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </div>
            )}
            {stale && <p className="hint">{t('directives.preview.stale')}</p>}
            <button type="button" className="btn btn-small" onClick={runPreview} disabled={preview.isPending}>
              {shown ? t('directives.preview.refresh') : t('directives.preview.run')}
            </button>
          </section>
          {showProblems && hasProblems && (
            <p className="notice notice-error" role="alert">
              {t('directives.new.fixProblems')}
            </p>
          )}
          {save.isError && <ErrorNotice error={save.error} />}
          <div className="actions save-bar">
            <button
              type="submit"
              className="btn btn-primary"
              data-testid="save-document"
              disabled={save.isPending || (!stale && Boolean(shown?.duplicateOf))}
            >
              {save.isPending ? t('app.saving') : t('app.save')}
            </button>
          </div>
        </form>
      </div>
    </>
  );
}
