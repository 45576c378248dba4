import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import { ACTION_KINDS } from '../rules/checklist.ts';
import { type PlanView, type ScenarioBody, usePlan, useSave } from './capacity-api.ts';
import { type ActionRow, actionsOf, assigneeChoices, newRow, rowsOf } from './plan-actions.ts';

/**
 * /response-plans — a unit's plan: per level its resources and actions (what, who acts: the announced unit, each
 * of its communes or a named unit below it; by when; urgent), editable.
 */
export function PlanPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const unit = params.get('unit') ?? user.unitCode;
  const plan = usePlan(unit);
  const below = useUnit(unit).data?.children ?? [];
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  useDocumentTitle(t('capacity.planTitle'));
  if (plan.isPending) return <Loading />;
  if (!plan.data) return <ErrorNotice error={plan.error} />;
  return (
    <section className="capacity">
      <h1>
        {t('capacity.planTitle')} — {plan.data.unit.name}
      </h1>
      {plan.data.levels.map((l) => (
        <details key={l.level} open={l.level === 3}>
          <summary>{t('capacity.level', { level: l.level })}</summary>
          <Scenario
            unit={unit}
            level={l}
            below={below.map((u) => ({ code: u.code, name: u.nameWithType }))}
            editable={can(user.role, 'plans.write')}
          />
          {l.measures && (
            <>
              <p>{t('capacity.measures')}:</p>
              <ul>
                {l.measures.measures.map((m) => (
                  <li key={m.activity}>
                    <strong>{m.name[lang]}</strong>: {m.text[lang]}
                    {m.provisional ? ` (${t('capacity.provisional')})` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </details>
      ))}
    </section>
  );
}

function Scenario({
  unit,
  level,
  below,
  editable,
}: {
  unit: string;
  level: PlanView['levels'][number];
  below: { code: string; name: string }[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const current = level.scenario ?? level.inherited;
  const [beds, setBeds] = useState(String(current?.beds ?? 0));
  const [teams, setTeams] = useState(String(current?.teams ?? 0));
  const [oxygen, setOxygen] = useState(String(current?.oxygenCylinders ?? 0));
  const [rows, setRows] = useState<ActionRow[]>(() => rowsOf(current?.actions ?? []));
  const save = useSave<ScenarioBody & { unit: string; level: number }>(
    'PUT',
    () => '/api/response-plans/scenarios',
  );
  const change = (key: number, patch: Partial<ActionRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const choices = assigneeChoices(below, rows);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      unit,
      level: level.level,
      beds: Number(beds),
      teams: Number(teams),
      oxygenCylinders: Number(oxygen),
      actions: actionsOf(rows),
      // The unit's own note stays (the editor does not show it).
      note: level.scenario?.note ?? null,
    });
  };
  return (
    <>
      {current ? (
        <p>
          {t('capacity.resources', {
            beds: current.beds,
            teams: current.teams,
            oxygen: current.oxygenCylinders,
          })}
          {level.inherited && !level.scenario
            ? ` — ${t('capacity.inherited', { unit: level.inherited.unitCode })}`
            : ''}
        </p>
      ) : (
        <p>{t('capacity.noScenario')}</p>
      )}
      {editable && (
        <form onSubmit={submit} className="capacity-form">
          <label>
            {t('capacity.beds')}
            <input type="number" min={0} value={beds} onChange={(e) => setBeds(e.target.value)} />
          </label>
          <label>
            {t('nav.communityTeams')}
            <input type="number" min={0} value={teams} onChange={(e) => setTeams(e.target.value)} />
          </label>
          <label>
            {t('capacity.oxygen')}
            <input type="number" min={0} value={oxygen} onChange={(e) => setOxygen(e.target.value)} />
          </label>
          <p>{t('capacity.actions')}</p>
          {rows.map((r, i) => (
            <fieldset key={r.key} className="capacity-action" data-action={i}>
              <legend>{t('capacity.action', { n: i + 1 })}</legend>
              <label>
                {t('capacity.kind')}
                <select
                  name="kind"
                  value={r.kind}
                  onChange={(e) => change(r.key, { kind: e.target.value as ActionRow['kind'] })}
                >
                  {ACTION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`capacity.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('capacity.text')}
                <input
                  name="text"
                  value={r.text}
                  maxLength={500}
                  onChange={(e) => change(r.key, { text: e.target.value })}
                />
              </label>
              <label>
                {t('capacity.assignee')}
                <select
                  name="assignee"
                  value={r.assignee}
                  onChange={(e) => change(r.key, { assignee: e.target.value })}
                >
                  {choices.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.value === 'announced' || c.value === 'communes'
                        ? t(`capacity.assignees.${c.value}`)
                        : c.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('capacity.deadlineDays')}
                <input
                  name="deadlineDays"
                  type="number"
                  min={0}
                  max={90}
                  value={r.deadlineDays}
                  onChange={(e) => change(r.key, { deadlineDays: e.target.value })}
                />
              </label>
              <label>
                <input
                  name="urgent"
                  type="checkbox"
                  checked={r.urgent}
                  onChange={(e) => change(r.key, { urgent: e.target.checked })}
                />{' '}
                {t('capacity.urgent')}
              </label>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              >
                {t('capacity.removeAction')}
              </button>
            </fieldset>
          ))}
          <button type="button" className="btn btn-small" onClick={() => setRows((rs) => [...rs, newRow()])}>
            {t('capacity.addAction')}
          </button>
          <button type="submit" disabled={save.isPending}>
            {t('capacity.save')}
          </button>
          {save.isSuccess && <span role="status">{t('capacity.saved')}</span>}
          {save.error && <ErrorNotice error={save.error} />}
        </form>
      )}
    </>
  );
}
