import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { GeneratedNote, PopulationFigure } from './PopulationFigure.tsx';
import type { UnitSummary } from './units-api.ts';
import { useUnitKindLabel } from './useUnitKindLabel.ts';

/** The units below this one, each with a bar of its population relative to the largest. */
export function ChildUnitsTable({ units }: { units: UnitSummary[] }) {
  const { t } = useTranslation();
  const kindLabel = useUnitKindLabel();
  const largest = Math.max(1, ...units.map((u) => u.population ?? 0));
  return (
    <section className="card">
      <h2>
        {t('area.children')} <span className="count">({units.length})</span>
      </h2>
      {units.length === 0 ? (
        <p>{t('area.noChildren')}</p>
      ) : (
        <table className="table child-table">
          <thead>
            <tr>
              <th scope="col">{t('area.name')}</th>
              <th scope="col" className="col-kind">
                {t('area.kind')}
              </th>
              <th scope="col" className="col-pop">
                {t('area.population')}
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.code} data-testid="child-row">
                <th scope="row">
                  <Link to={`/areas/${unit.code}`} className="child-link">
                    {unit.nameWithType}
                  </Link>
                </th>
                <td className="col-kind">{kindLabel(unit.kind)}</td>
                <td className="col-pop">
                  <PopulationFigure value={unit.population} source={unit.populationSource} />
                  <span className="bar" aria-hidden="true">
                    <span style={{ width: `${(((unit.population ?? 0) / largest) * 100).toFixed(1)}%` }} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <GeneratedNote show={units.some((u) => u.populationSource === 'generated')} />
    </section>
  );
}
