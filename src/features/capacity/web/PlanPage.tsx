import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { type PlanView, type ScenarioBody, usePlan, useSave } from './capacity-api.ts';

const KINDS: Record<string, 'open' | 'close' | 'act'> = {
  mở: 'open',
  dừng: 'close',
  'thực hiện': 'act',
  open: 'open',
  close: 'close',
  act: 'act',
};
const KIND_TEXT = { open: 'mở', close: 'dừng', act: 'thực hiện' } as const;

/** /response-plans — a unit's plan: per level its resources and actions (who acts: the announced unit), editable. */
export function PlanPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const unit = params.get('unit') ?? user.unitCode;
  const plan = usePlan(unit);
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
          <Scenario unit={unit} level={l} editable={can(user.role, 'plans.write')} />
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
  editable,
}: {
  unit: string;
  level: PlanView['levels'][number];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const current = level.scenario ?? level.inherited;
  const [beds, setBeds] = useState(String(current?.beds ?? 0));
  const [teams, setTeams] = useState(String(current?.teams ?? 0));
  const [oxygen, setOxygen] = useState(String(current?.oxygenCylinders ?? 0));
  const [lines, setLines] = useState(
    (current?.actions ?? []).map((a) => `${KIND_TEXT[a.kind]}; ${a.text}; ${a.deadlineDays}`).join('\n'),
  );
  const save = useSave<ScenarioBody & { unit: string; level: number }>(
    'PUT',
    () => '/api/response-plans/scenarios',
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const actions = lines
      .split('\n')
      .map((l) => l.split(';').map((x) => x.trim()))
      .filter((p) => p.length >= 2 && p[1])
      .map((p) => ({
        kind: KINDS[p[0]!.toLowerCase()] ?? 'act',
        text: p[1]!,
        assignee: 'announced',
        deadlineDays: Number(p[2] ?? 1) || 0,
      }));
    save.mutate({
      unit,
      level: level.level,
      beds: Number(beds),
      teams: Number(teams),
      oxygenCylinders: Number(oxygen),
      actions,
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
          <label>
            {t('capacity.actions')}
            <textarea rows={5} value={lines} onChange={(e) => setLines(e.target.value)} />
          </label>
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
