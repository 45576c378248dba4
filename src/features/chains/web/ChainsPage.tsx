import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../web/api.ts';
import { UnitPicker } from '../../../web/components/UnitPicker.tsx';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { isoDateToText, parseDate } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { ChainCanvas, type ChainCanvasHandle, largestChains, useChainView } from './ChainCanvas.tsx';
import { ChainsNav } from './ChainsNav.tsx';
import { type ChainGraph, parseIds, useChainCase, useChainGraph, useSetSource } from './chains-api.ts';
import './chains.css';

function CasePanel({
  graph,
  index,
  infected,
  onPick,
  onClose,
}: {
  graph: ChainGraph;
  index: number;
  infected: number[];
  onPick: (id: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const id = graph.nodes.id[index]!;
  const visible = graph.nodes.label[index] !== null;
  const found = useChainCase(visible ? id : null);
  const setSource = useSetSource(id);
  const [source, setSourceText] = useState('');
  const sourceError = isApiError(setSource.error) ? setSource.error.fieldMessage('sourceCaseId') : undefined;
  const c = found.data;
  return (
    <section className="card chain-case" aria-labelledby="chain-case-title" data-testid="chain-case">
      <div className="chain-case-head">
        <h2 id="chain-case-title">{t('chains.case.title', { id })}</h2>
        <button type="button" className="btn" onClick={onClose}>
          {t('chains.case.close')}
        </button>
      </div>
      {!visible ? (
        <p className="muted">{t('chains.case.outside')}</p>
      ) : found.isPending ? (
        <Loading />
      ) : found.error ? (
        <ErrorNotice error={found.error} onRetry={() => found.refetch()} />
      ) : (
        c && (
          <>
            <p>
              <strong data-testid="chain-case-name">{c.fullName}</strong>
              {c.birthYear && <> · {t('chains.case.born', { year: c.birthYear })}</>}
              {c.villageName && <> · {c.villageName}</>}
            </p>
            <dl className="facts">
              <dt>{t('chains.case.sampleDate')}</dt>
              <dd>{isoDateToText(c.sampleDate)}</dd>
              <dt>{t('chains.case.status')}</dt>
              <dd>{t(`chains.status.${c.status}`, { defaultValue: c.status })}</dd>
              <dt>{t('chains.case.place')}</dt>
              <dd>{t(`chains.place.${c.placeOfCare}`, { defaultValue: c.placeOfCare })}</dd>
              <dt>{t('chains.case.source')}</dt>
              <dd>
                {c.sourceCaseId === null ? (
                  t('chains.case.sourceUnknown')
                ) : (
                  <button type="button" className="link-button" onClick={() => onPick(c.sourceCaseId!)}>
                    {t('chains.case.sourceCase', { id: c.sourceCaseId })}
                  </button>
                )}
              </dd>
              {infected.length > 0 && (
                <>
                  <dt>{t('chains.case.infected')}</dt>
                  <dd>
                    {infected.map((i) => (
                      <button
                        key={i}
                        type="button"
                        className="link-button chain-child"
                        onClick={() => onPick(graph.nodes.id[i]!)}
                      >
                        {graph.nodes.label[i] ?? `#${graph.nodes.id[i]}`}
                      </button>
                    ))}
                  </dd>
                </>
              )}
              {c.clusters.length > 0 && (
                <>
                  <dt>{t('chains.case.clusters')}</dt>
                  <dd>
                    {c.clusters.map((k) => (
                      <Link key={k.id} to={`/clusters/${k.id}`}>
                        {k.name}
                      </Link>
                    ))}
                  </dd>
                </>
              )}
            </dl>
            <p>
              <Link to={`/cases?unit=${c.communeCode}`}>{t('chains.case.openList')}</Link>
            </p>
            {can(user.role, 'chains.write') && (
              <form
                className="inline-form"
                noValidate
                onSubmit={(e: FormEvent) => {
                  e.preventDefault();
                  setSource.mutate(parseIds(source)[0] ?? null);
                }}
              >
                <FormField id="chain-source" label={t('chains.case.setSource')} error={sourceError}>
                  {(aria) => (
                    <input
                      {...aria}
                      inputMode="numeric"
                      value={source}
                      onChange={(e) => setSourceText(e.target.value)}
                    />
                  )}
                </FormField>
                {setSource.error && !sourceError && <ErrorNotice error={setSource.error} />}
                <div className="actions">
                  <button type="submit" className="btn btn-primary" disabled={setSource.isPending}>
                    {t('chains.case.saveSource')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    disabled={setSource.isPending}
                    onClick={() => setSource.mutate(null)}
                  >
                    {t('chains.case.clearSource')}
                  </button>
                </div>
              </form>
            )}
          </>
        )
      )}
    </section>
  );
}

/**
 * /chains — who infected whom among a unit's cases over a window of sample days (default: the last 60 days):
 * the graph on a canvas (pan, zoom, tap a case), the largest chains, a case found by its id, and the tapped case
 * with its source, the cases it infected and its clusters. ?unit=&from=&to=
 */
export function ChainsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') || user.unitCode;
  // No window asked: the server's (the last 60 days of its calendar), shown in the form once answered.
  const graph = useChainGraph({
    unit,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  });
  const from = graph.data?.from ?? '';
  const to = graph.data?.to ?? '';
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  useEffect(() => {
    if (from) setFromText(isoDateToText(from));
    if (to) setToText(isoDateToText(to));
  }, [from, to]);
  const view = useChainView(graph.data);
  const canvas = useRef<ChainCanvasHandle>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [findText, setFindText] = useState('');
  const [notFound, setNotFound] = useState(false);
  useDocumentTitle(t('chains.title'));
  const indexOf = useMemo(
    () => new Map<number, number>((graph.data?.nodes.id ?? []).map((id, i) => [id, i])),
    [graph.data],
  );
  const childrenOf = useMemo(() => {
    const m = new Map<number, number[]>();
    if (view)
      for (let i = 0; i < view.parent.length; i++)
        if (view.parent[i]! >= 0) m.set(view.parent[i]!, [...(m.get(view.parent[i]!) ?? []), i]);
    return m;
  }, [view]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new graph clears the selection
  useEffect(() => setSelected(null), [graph.data]);
  const pick = (id: number) => {
    const i = indexOf.get(id);
    setNotFound(i === undefined);
    if (i === undefined) return;
    setSelected(i);
    canvas.current?.focus(i);
  };
  const setWindow = (event: FormEvent) => {
    event.preventDefault();
    const f = parseDate(fromText) ?? from;
    const tt = parseDate(toText) ?? to;
    setParams(
      { ...(unit !== user.unitCode ? { unit } : {}), ...(f ? { from: f } : {}), ...(tt ? { to: tt } : {}) },
      { replace: true },
    );
  };
  const data = graph.data;
  const chains = view ? view.layout.chainSize.size : 0;
  return (
    <>
      <div className="page-head">
        <h1>{t('chains.title')}</h1>
      </div>
      <ChainsNav current="chains" />
      <form className="filters" onSubmit={setWindow} noValidate>
        {user.unitLevel < 3 && (
          <UnitPicker
            idPrefix="chains-unit"
            rootCode={user.unitCode}
            rootLevel={user.unitLevel}
            value={unit}
            emptyLabel={t('chains.chooseUnit')}
            onChange={(code) =>
              setParams(
                {
                  ...(code && code !== user.unitCode ? { unit: code } : {}),
                  ...(params.get('from') ? { from } : {}),
                  ...(params.get('to') ? { to } : {}),
                },
                { replace: true },
              )
            }
          />
        )}
        <FormField id="chains-from" label={t('chains.from')}>
          {(aria) => <DateInput {...aria} value={fromText} onChange={setFromText} />}
        </FormField>
        <FormField id="chains-to" label={t('chains.to')}>
          {(aria) => <DateInput {...aria} value={toText} onChange={setToText} />}
        </FormField>
        <div className="actions">
          <button type="submit" className="btn">
            {t('chains.show')}
          </button>
        </div>
      </form>
      {graph.isPending ? (
        <Loading />
      ) : graph.error ? (
        <ErrorNotice error={graph.error} onRetry={() => graph.refetch()} />
      ) : (
        data &&
        view && (
          <>
            <p className="muted" data-testid="chains-summary">
              {t('chains.summary', {
                count: data.nodes.inWindow.filter(Boolean).length,
                unknown: data.unknownSource,
                chains,
              })}
            </p>
            {data.truncated && (
              <p className="notice">{t('chains.truncated', { count: data.nodes.id.length })}</p>
            )}
            <form
              className="chain-tools"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const id = parseIds(findText)[0];
                if (id) pick(id);
              }}
            >
              <label htmlFor="chain-find" className="visually-hidden">
                {t('chains.find')}
              </label>
              <input
                id="chain-find"
                inputMode="numeric"
                placeholder={t('chains.find')}
                value={findText}
                onChange={(e) => setFindText(e.target.value)}
              />
              <button type="submit" className="btn">
                {t('chains.findGo')}
              </button>
              <button
                type="button"
                className="btn"
                aria-label={t('chains.zoomIn')}
                onClick={() => canvas.current?.zoom(1.5)}
              >
                +
              </button>
              <button
                type="button"
                className="btn"
                aria-label={t('chains.zoomOut')}
                onClick={() => canvas.current?.zoom(1 / 1.5)}
              >
                −
              </button>
              <button type="button" className="btn" onClick={() => canvas.current?.showAll()}>
                {t('chains.fit')}
              </button>
            </form>
            {notFound && <p className="field-error">{t('chains.notInGraph')}</p>}
            <ChainCanvas
              ref={canvas}
              graph={data}
              view={view}
              selected={selected}
              onSelect={setSelected}
              label={t('chains.graphLabel', { count: data.nodes.id.length })}
            />
            <p className="hint">{t('chains.hint')}</p>
            <ul className="chain-legend">
              <li>
                <span className="dot dot-treating" /> {t('chains.legend.treating')}
              </li>
              <li>
                <span className="dot dot-recovered" /> {t('chains.legend.recovered')}
              </li>
              <li>
                <span className="dot dot-died" /> {t('chains.legend.died')}
              </li>
              <li>
                <span className="dot dot-outside" /> {t('chains.legend.outside')}
              </li>
              <li>
                <span className="dot dot-unknown" /> {t('chains.legend.unknown')}
              </li>
            </ul>
            {selected !== null && (
              <CasePanel
                graph={data}
                index={selected}
                infected={childrenOf.get(selected) ?? []}
                onPick={pick}
                onClose={() => setSelected(null)}
              />
            )}
            <section className="card" aria-labelledby="largest-title">
              <h2 id="largest-title">{t('chains.largest')}</h2>
              <ul className="plain-list">
                {largestChains(view, 10).map((c) => (
                  <li key={c.index}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => pick(data.nodes.id[c.index]!)}
                    >
                      {t('chains.chainOf', { id: data.nodes.id[c.index], count: c.size })}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          </>
        )
      )}
    </>
  );
}
