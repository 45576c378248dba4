import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../web/format.ts';
import type { Preview, UnitRef } from './directives-api.ts';

type Planned = Preview['tasks'][number];

/** Resolved names beyond this many fold away: "UBND các xã, thị trấn" is 24 communes. */
const OPEN_LIMIT = 6;

/** A name from the letter: resolved to a unit or organization, or flagged in amber ("chưa xác định đơn vị"). */
function UnitChip({ unit }: { unit: UnitRef }) {
  const { t } = useTranslation();
  if (unit.resolved) return <li className="chip">{unit.text}</li>;
  return (
    <li className="chip chip-unresolved" data-testid="unresolved-unit">
      {unit.text} <span className="chip-note">— {t('directives.preview.unresolved')}</span>
    </li>
  );
}

const keyOf = (u: UnitRef) => `${u.unitCode}-${u.organizationId}-${u.text}`;

/** Names with the unresolved ones first and always shown; many resolved ones behind a summary. */
function UnitChips({ units }: { units: UnitRef[] }) {
  const { t } = useTranslation();
  const unresolved = units.filter((u) => !u.resolved);
  const resolved = units.filter((u) => u.resolved);
  const resolvedList = (
    <ul className="chips">
      {resolved.map((u) => (
        <UnitChip key={keyOf(u)} unit={u} />
      ))}
    </ul>
  );
  return (
    <>
      {unresolved.length > 0 && (
        <ul className="chips">
          {unresolved.map((u) => (
            <UnitChip key={keyOf(u)} unit={u} />
          ))}
        </ul>
      )}
      {resolved.length > OPEN_LIMIT ? (
        <details className="fold chip-fold">
          <summary>{t('directives.preview.resolvedUnits', { n: formatNumber(resolved.length) })}</summary>
          {resolvedList}
        </details>
      ) : (
        resolved.length > 0 && resolvedList
      )}
    </>
  );
}

/** How one item of the letter will be assigned: the units that get a task, and the coordinating units. */
export function AssignmentPreview({ planned, stale }: { planned: Planned[]; stale: boolean }) {
  const { t } = useTranslation();
  const first = planned[0];
  if (!first) return <p className="assignment muted">{t('directives.preview.noRows')}</p>;
  return (
    <div className={stale ? 'assignment stale' : 'assignment'} data-testid="assignment-preview">
      <p className="assignment-head">
        {t('directives.preview.assignedTo', { n: formatNumber(planned.length) })}
      </p>
      <UnitChips units={planned.map((p) => p.assignee)} />
      {first.coordinating.length > 0 && (
        <>
          <p className="assignment-head">{t('directives.preview.coordinating')}</p>
          <UnitChips units={first.coordinating} />
        </>
      )}
    </div>
  );
}
