import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDate, formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import type { ClaimAction, ClaimState } from '../rules/claim-lifecycle.ts';
import { type Claim, PAGE_SIZE, useClaimAction, useClaims } from './support-api.ts';

/** The claims of one state with the actions the caller's level takes on them (review, approve, refuse…). */
export function ClaimList({
  unit,
  status,
  title,
  actions,
  testId,
}: {
  unit: string;
  status: ClaimState;
  title: string;
  actions: { accept?: ClaimAction; decline?: ClaimAction };
  testId: string;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const claims = useClaims(unit, status, page);
  const act = useClaimAction();
  return (
    <section className="card" aria-label={title}>
      <h2>
        {title}
        {claims.data ? ` (${formatNumber(claims.data.total)} · ${formatNumber(claims.data.amount)} đ)` : ''}
      </h2>
      {claims.isPending && <Loading />}
      {claims.isError && <ErrorNotice error={claims.error} onRetry={() => void claims.refetch()} />}
      {act.isError && <ErrorNotice error={act.error} />}
      {claims.data &&
        (claims.data.claims.length === 0 ? (
          <p className="muted">{t('support.none')}</p>
        ) : (
          <ul className="rows" data-testid={testId}>
            {claims.data.claims.map((c) => (
              <ClaimRow
                key={c.id}
                claim={c}
                actions={actions}
                busy={act.isPending}
                onAct={(a, note) => act.mutate({ id: c.id, action: a, note })}
              />
            ))}
          </ul>
        ))}
      <Pagination page={page} pages={Math.ceil((claims.data?.total ?? 0) / PAGE_SIZE)} onPage={setPage} />
    </section>
  );
}

function ClaimRow({
  claim: c,
  actions,
  busy,
  onAct,
}: {
  claim: Claim;
  actions: { accept?: ClaimAction; decline?: ClaimAction };
  busy: boolean;
  onAct: (action: ClaimAction, note?: string) => void;
}) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <li className="row support-claim" data-testid="support-claim">
      <div className="row-main">
        <span className="person-name">{c.fullName}</span>
        <span className="row-meta">
          {t(`support.policies.${c.policy}`)}
          {c.paidDays !== null ? ` · ${t('support.days', { n: c.paidDays })}` : ''}
          {c.childSupplement ? ` · ${t('support.child')}` : ''}
        </span>
        <span className="row-meta">
          {c.communeName}
          {c.periodFrom ? ` · ${t('support.from', { date: formatDate(c.periodFrom) })}` : ''}
          {c.source === 'records' ? ` · ${t('support.fromRecords')}` : ''}
        </span>
      </div>
      <span className="support-amount">
        {formatNumber(c.amount)} đ
        {c.provisional && (
          <span className="badge provisional" title={t('support.provisionalTitle')}>
            {t('support.provisional')}
          </span>
        )}
      </span>
      {(actions.accept || actions.decline) && (
        <div className="actions">
          {actions.accept && (
            <button
              type="button"
              className="btn primary"
              disabled={busy}
              onClick={() => onAct(actions.accept!)}
            >
              {t(`support.actions.${actions.accept}`)}
            </button>
          )}
          {actions.decline && !declining && (
            <button type="button" className="btn" disabled={busy} onClick={() => setDeclining(true)}>
              {t(`support.actions.${actions.decline}`)}
            </button>
          )}
          {actions.decline && declining && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                onAct(actions.decline!, reason);
              }}
            >
              <label>
                {t('support.reason')}
                <input value={reason} required maxLength={1000} onChange={(e) => setReason(e.target.value)} />
              </label>
              <button type="submit" className="btn" disabled={busy || !reason.trim()}>
                {t(`support.actions.${actions.decline}`)}
              </button>
            </form>
          )}
        </div>
      )}
    </li>
  );
}
