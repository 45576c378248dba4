import { useUnit } from '../../features/admin-units/web/index.ts';
import { ChildUnitSelect } from './ChildUnitSelect.tsx';

/**
 * Chooses a unit below the user's own, one select per level down to the commune: a district user picks a
 * commune; a province user a district, then a commune. `value` '' (or the root) means the root itself.
 */
export function UnitPicker({
  idPrefix,
  rootCode,
  rootLevel,
  value,
  emptyLabel,
  onChange,
}: {
  idPrefix: string;
  rootCode: string;
  rootLevel: number;
  value: string;
  emptyLabel: string;
  onChange: (code: string) => void;
}) {
  const chosen = value && value !== rootCode ? value : '';
  const current = useUnit(chosen);
  // The chain from the root down to the chosen unit: each link is the parent of the next select.
  const chain = [rootCode];
  if (chosen) {
    if (!current.data) return null;
    for (const entry of current.data.path) if (entry.level > rootLevel) chain.push(entry.code);
    chain.push(chosen);
  }
  const levelOf = (i: number) =>
    i === chain.length - 1 && chosen ? current.data!.unit.level : rootLevel + i;
  return (
    <>
      {chain.map((code, i) =>
        levelOf(i) < 3 ? (
          <ChildUnitSelect
            key={code}
            id={`${idPrefix}-${levelOf(i) + 1}`}
            parentCode={code}
            selected={chain[i + 1] ?? ''}
            emptyLabel={emptyLabel}
            onChange={(next) => onChange(next || (code === rootCode ? '' : code))}
          />
        ) : null,
      )}
    </>
  );
}
