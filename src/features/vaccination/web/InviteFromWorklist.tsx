import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import { useUnit } from '../../admin-units/web/index.ts';
import { useInvite } from './campaign-api.ts';
import { useWorklist } from './vaccination-api.ts';
import { birthOf, needText } from './worklist-format.ts';

/**
 * Chooses people from the commune's worklist (not vaccinated, due, overdue; those with a recorded reason
 * left out) and invites them to the session; people invited already are not offered again. The server sends
 * the list a page (50) at a time; choices are kept across pages.
 */
export function InviteFromWorklist({
  sessionId,
  communeCode,
  onDone,
}: {
  sessionId: number;
  communeCode: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [village, setVillage] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [page, setPage] = useState(1);
  const commune = useUnit(communeCode);
  const list = useWorklist(
    { unit: communeCode, village, list: 'all', minAge: 12, withoutReason: true },
    page,
    sessionId,
  );
  const invite = useInvite(sessionId);
  const offered = list.data?.persons ?? [];
  const total = list.data?.counts.total ?? 0;

  const toggle = (id: number, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section className="card" aria-labelledby="invite-title" data-testid="invite-picker">
      <h3 id="invite-title">{t('vaccination.sessions.inviteTitle')}</h3>
      {(commune.data?.villages.length ?? 0) > 0 && (
        <div className="field">
          <label htmlFor="invite-village">{t('persons.village')}</label>
          <select
            id="invite-village"
            data-testid="invite-village"
            value={village}
            onChange={(e) => {
              setVillage(e.target.value);
              setPage(1);
            }}
          >
            <option value="">{t('persons.allVillages')}</option>
            {commune.data?.villages.map((v) => (
              <option key={v.id} value={String(v.id)}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {list.isPending && <Loading />}
      <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      {list.data && offered.length === 0 && <p className="muted">{t('vaccination.sessions.noneToInvite')}</p>}
      {offered.length > 0 && (
        <>
          <p className="actions">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setChosen(new Set([...chosen, ...offered.map((p) => p.personId)]))}
            >
              {t('vaccination.sessions.chooseAll', { n: formatNumber(offered.length) })}
            </button>
          </p>
          <ul className="rows" aria-label={t('vaccination.sessions.inviteTitle')}>
            {offered.map((p) => (
              <li key={p.personId} className="row" data-testid="invite-row" data-person={p.personId}>
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={chosen.has(p.personId)}
                    onChange={(e) => toggle(p.personId, e.target.checked)}
                  />
                  <span>
                    <strong>{p.fullName}</strong>
                    <span className="hint">
                      {[birthOf(p), p.villageName, needText(t, p)].filter(Boolean).join(' · ')}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <Pagination page={page} pages={Math.ceil(total / (list.data?.pageSize ?? 1))} onPage={setPage} />
        </>
      )}
      <ErrorNotice error={invite.error} />
      <FormActions
        label={t('vaccination.sessions.invite', { n: chosen.size })}
        saving={invite.isPending}
        disabled={chosen.size === 0}
        testId="invite-save"
        onConfirm={() => invite.mutate([...chosen], { onSuccess: onDone })}
        onCancel={onDone}
      />
    </section>
  );
}
