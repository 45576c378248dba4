import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, isoDateToText } from '../../../web/format.ts';
import { type GoalProgress, type Target, useTargetProgress, useTargets } from './vaccination-api.ts';

const percentText = (n: number) => `${String(n).replace('.', ',')} %`;

/** One goal of a target: a bar to the required share, what is left, and when it is reached at today's pace. */
function Goal({ label, goal, percent }: { label: string; goal: GoalProgress; percent: number }) {
  const { t } = useTranslation();
  const reached = goal.remaining === 0;
  return (
    <div className="goal" data-testid="target-goal">
      <div className="goal-head">
        <strong>{label}</strong>
        <span className={reached || goal.onTrack ? 'badge badge-on' : 'badge badge-late'}>
          {reached
            ? t('vaccination.target.met')
            : goal.onTrack
              ? t('vaccination.target.onTrack')
              : t('vaccination.target.behind')}
        </span>
      </div>
      <div
        className="goal-bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={goal.coverage}
      >
        <span style={{ width: `${Math.min(100, goal.coverage)}%` }} />
        <i style={{ left: `${Math.min(100, percent)}%` }} aria-hidden="true" />
      </div>
      <p className="goal-figures">
        {t('vaccination.target.achieved', {
          n: formatNumber(goal.achieved),
          total: formatNumber(goal.population),
          coverage: percentText(goal.coverage),
        })}
        {!reached && (
          <>
            {' · '}
            <strong data-testid="target-remaining">
              {t('vaccination.target.remaining', { n: formatNumber(goal.remaining) })}
            </strong>
          </>
        )}
      </p>
      {!reached && (
        <p className="muted goal-projection">
          {goal.projectedDate
            ? t('vaccination.target.projected', {
                pace: formatNumber(goal.pacePerDay),
                date: isoDateToText(goal.projectedDate),
              })
            : goal.beyondHorizon
              ? t('vaccination.target.beyondHorizon', { pace: formatNumber(goal.pacePerDay) })
              : t('vaccination.target.noPace')}
        </p>
      )}
    </div>
  );
}

/** The units behind on the target, loaded when opened (a district's communes, a province's). */
function Behind({ target, unit, initiallyOpen }: { target: Target; unit: string; initiallyOpen: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  const view = useTargetProgress(target.id, unit, open);
  return (
    <details
      className="fold no-print"
      open={open}
      data-testid="target-behind"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{t('vaccination.target.communesBehind')}</summary>
      {view.isPending && open && <p className="loading">{t('app.loading')}</p>}
      {view.data &&
        (view.data.behind.length === 0 ? (
          <p className="muted">{t('vaccination.target.noneBehind')}</p>
        ) : (
          <ul className="plain-list behind-list">
            {view.data.behind.map((c) => (
              <li key={c.code} data-testid="behind-unit">
                <strong>{c.name}</strong>{' '}
                <span className="muted">
                  {[
                    c.primary &&
                      t('vaccination.target.behindPrimary', {
                        n: formatNumber(c.primary.remaining),
                        coverage: percentText(c.primary.coverage),
                      }),
                    c.booster &&
                      t('vaccination.target.behindBooster', {
                        n: formatNumber(c.booster.remaining),
                        coverage: percentText(c.booster.coverage),
                      }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </details>
  );
}

/**
 * One target with the unit's progress on each goal (bar, people left, projection at the current pace) and,
 * above the commune, the units behind: folded on the coverage page, open on the targets page.
 */
export function TargetCard({
  target,
  unit,
  level,
  behindOpen = false,
}: {
  target: Target;
  unit: string;
  level: number;
  behindOpen?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section
      className="card target-card"
      data-testid="target-card"
      data-target={target.id}
      aria-label={t('vaccination.target.progressLabel')}
    >
      <h2>
        {t('vaccination.target.title')}: {target.title}
      </h2>
      <p className="muted target-meta">
        {t('vaccination.target.deadline', { date: isoDateToText(target.deadline) })}
        {target.basis && <> · {t('vaccination.target.basis', { basis: target.basis })}</>}
      </p>
      {target.primary && target.progress.primary && (
        <Goal
          label={t('vaccination.target.primary', target.primary)}
          goal={target.progress.primary}
          percent={target.primary.percent}
        />
      )}
      {target.booster && target.progress.booster && (
        <Goal
          label={t('vaccination.target.booster', target.booster)}
          goal={target.progress.booster}
          percent={target.booster.percent}
        />
      )}
      {target.provisional && <p className="hint">{t('vaccination.target.provisional')}</p>}
      {level < 3 && target.progress.unitCode === unit && (
        <Behind target={target} unit={unit} initiallyOpen={behindOpen} />
      )}
    </section>
  );
}

/**
 * The targets that apply to the unit (seed 004's "100 % of 12+ with the primary series, boosters for 18+ in
 * January 2022" in the demo) with the unit's progress, on the coverage page. Nothing is shown when the unit
 * has none; the targets page lists them too and sets new ones.
 */
export function TargetSection({ unit, level }: { unit: string; level: number }) {
  const targets = useTargets(unit);
  if (!targets.data || targets.data.targets.length === 0) return null;
  return (
    <>
      {targets.data.targets.map((target) => (
        <TargetCard key={target.id} target={target} unit={unit} level={level} />
      ))}
    </>
  );
}
