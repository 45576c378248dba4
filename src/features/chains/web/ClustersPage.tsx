import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { isoDateToText, parseDate } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { ChainsNav } from './ChainsNav.tsx';
import {
  CLUSTER_KINDS,
  type ClusterKind,
  parseIds,
  useAddCluster,
  useAddClusterCases,
  useCloseCluster,
  useCluster,
  useClusters,
  useRemoveClusterCase,
} from './chains-api.ts';
import { useListUnit } from './UnitFilter.tsx';
import './chains.css';

function AddCluster({ commune, onDone }: { commune: string; onDone: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const add = useAddCluster();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ClusterKind>('household');
  const [address, setAddress] = useState('');
  const [openedOn, setOpenedOn] = useState(isoDateToText(today));
  const [caseIds, setCaseIds] = useState('');
  const fieldError = (f: string) => (isApiError(add.error) ? add.error.fieldMessage(f) : undefined);
  const caseError = isApiError(add.error)
    ? add.error.fields?.find((f) => f.field.startsWith('caseIds'))?.message
    : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        commune,
        name,
        kind,
        address: address.trim() || null,
        openedOn: parseDate(openedOn) ?? openedOn,
        caseIds: parseIds(caseIds),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="card inline-form" onSubmit={submit} noValidate data-testid="cluster-form">
      <FormField id="cluster-kind" label={t('clusters.kindLabel')}>
        {(aria) => (
          <select {...aria} value={kind} onChange={(e) => setKind(e.target.value as ClusterKind)}>
            {CLUSTER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`clusters.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="cluster-name" label={t('clusters.name')} error={fieldError('name')}>
        {(aria) => <input {...aria} value={name} onChange={(e) => setName(e.target.value)} />}
      </FormField>
      <FormField id="cluster-address" label={t('clusters.address')} optional={t('app.optional')}>
        {(aria) => <input {...aria} value={address} onChange={(e) => setAddress(e.target.value)} />}
      </FormField>
      <FormField id="cluster-opened" label={t('clusters.openedOn')} error={fieldError('openedOn')}>
        {(aria) => <DateInput {...aria} value={openedOn} onChange={setOpenedOn} />}
      </FormField>
      <FormField
        id="cluster-cases"
        label={t('clusters.caseIds')}
        optional={t('app.optional')}
        error={caseError}
      >
        {(aria) => (
          <input {...aria} inputMode="numeric" value={caseIds} onChange={(e) => setCaseIds(e.target.value)} />
        )}
      </FormField>
      {add.error && !fieldError('name') && !fieldError('openedOn') && !caseError && (
        <ErrorNotice error={add.error} />
      )}
      <FormActions label={t('clusters.save')} saving={add.isPending} onCancel={onDone} />
    </form>
  );
}

/** /clusters — a unit's clusters (ổ dịch), newest first; a commune adds one. ?unit= */
export function ClustersPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { unit, picker } = useListUnit();
  const [openOnly, setOpenOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useClusters(unit, openOnly, page);
  useDocumentTitle(t('clusters.title'));
  return (
    <>
      <div className="page-head">
        <h1>{t('clusters.title')}</h1>
      </div>
      <ChainsNav current="clusters" />
      {picker}
      <section className="card" aria-labelledby="clusters-title">
        <h2 id="clusters-title" className="visually-hidden">
          {t('clusters.title')}
        </h2>
        {can(user.role, 'chains.write') &&
          (unit.length !== 5 ? (
            <p className="muted">{t('clusters.chooseCommune')}</p>
          ) : adding ? (
            <AddCluster commune={unit} onDone={() => setAdding(false)} />
          ) : (
            <button type="button" className="btn" onClick={() => setAdding(true)}>
              {t('clusters.add')}
            </button>
          ))}
        <label className="check">
          <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />{' '}
          {t('clusters.openOnly')}
        </label>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorNotice error={list.error} onRetry={() => list.refetch()} />
        ) : list.data.clusters.length === 0 ? (
          <p>{t('clusters.empty')}</p>
        ) : (
          <>
            <p className="muted">{t('clusters.total', { count: list.data.total })}</p>
            <ul className="rows">
              {list.data.clusters.map((c) => (
                <li className="row" key={c.id} data-testid="cluster-row">
                  <div className="row-main">
                    <Link to={`/clusters/${c.id}`}>
                      <strong>{c.name}</strong>
                    </Link>{' '}
                    <span className="muted">· {t(`clusters.kind.${c.kind}`)}</span>
                    <div className="muted">
                      {isoDateToText(c.openedOn)} · {t('clusters.caseCount', { count: c.caseCount })} ·{' '}
                      {c.closedOn
                        ? t('clusters.closed', { date: isoDateToText(c.closedOn) })
                        : t('clusters.open')}
                    </div>
                  </div>
                </li>
              ))}
            </ul>
            <Pagination page={page} pages={Math.ceil(list.data.total / 50)} onPage={setPage} />
          </>
        )}
      </section>
    </>
  );
}

/** /clusters/:id — a cluster with its cases (masked labels), add or remove a case, close it. */
export function ClusterPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const today = useToday();
  const id = Number(useParams().id);
  const cluster = useCluster(id);
  const addCases = useAddClusterCases(id);
  const remove = useRemoveClusterCase(id);
  const close = useCloseCluster(id);
  const [ids, setIds] = useState('');
  const caseError = isApiError(addCases.error)
    ? addCases.error.fields?.find((f) => f.field.startsWith('caseIds'))?.message
    : undefined;
  useDocumentTitle(cluster.data?.name ?? t('clusters.title'));
  const canWrite = can(user.role, 'chains.write');
  return (
    <>
      <p>
        <Link to="/clusters">← {t('clusters.back')}</Link>
      </p>
      {cluster.isPending ? (
        <Loading />
      ) : cluster.error ? (
        <ErrorNotice error={cluster.error} onRetry={() => cluster.refetch()} />
      ) : (
        <>
          <div className="page-head">
            <h1>{cluster.data.name}</h1>
          </div>
          <p className="muted">
            {t(`clusters.kind.${cluster.data.kind}`)} · {isoDateToText(cluster.data.openedOn)} ·{' '}
            {cluster.data.closedOn
              ? t('clusters.closed', { date: isoDateToText(cluster.data.closedOn) })
              : t('clusters.open')}
            {cluster.data.address && <> · {cluster.data.address}</>}
          </p>
          <section className="card" aria-labelledby="cluster-cases-title">
            <h2 id="cluster-cases-title">{t('clusters.cases', { count: cluster.data.cases.length })}</h2>
            <ul className="rows">
              {cluster.data.cases.map((c) => (
                <li className="row" key={c.id} data-testid="cluster-case">
                  <div className="row-main">
                    <strong>{c.label}</strong> <span className="muted">· #{c.id}</span>
                    <div className="muted">
                      {isoDateToText(c.sampleDate)} ·{' '}
                      {t(`chains.status.${c.status}`, { defaultValue: c.status })}
                      {c.sourceCaseId !== null && (
                        <> · {t('chains.case.sourceCase', { id: c.sourceCaseId })}</>
                      )}
                    </div>
                  </div>
                  {canWrite && (
                    <button
                      type="button"
                      className="btn"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(c.id)}
                    >
                      {t('clusters.remove')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {canWrite && (
              <form
                className="inline-form"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  const list = parseIds(ids);
                  if (list.length) addCases.mutate(list, { onSuccess: () => setIds('') });
                }}
              >
                <FormField id="cluster-add-cases" label={t('clusters.addCases')} error={caseError}>
                  {(aria) => (
                    <input
                      {...aria}
                      inputMode="numeric"
                      value={ids}
                      onChange={(e) => setIds(e.target.value)}
                    />
                  )}
                </FormField>
                {addCases.error && !caseError && <ErrorNotice error={addCases.error} />}
                <div className="actions">
                  <button type="submit" className="btn btn-primary" disabled={addCases.isPending}>
                    {t('clusters.addCasesGo')}
                  </button>
                </div>
              </form>
            )}
          </section>
          {canWrite && !cluster.data.closedOn && (
            <div className="actions">
              <button
                type="button"
                className="btn"
                disabled={close.isPending}
                onClick={() => close.mutate(today)}
              >
                {t('clusters.close')}
              </button>
              {close.error && <ErrorNotice error={close.error} />}
            </div>
          )}
        </>
      )}
    </>
  );
}
