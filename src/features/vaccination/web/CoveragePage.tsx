import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { statusOf } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber, formatPercent, isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { NoAccessPage } from '../../../web/NoAccessPage.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import { type ChartRow, CoverageChart } from './CoverageChart.tsx';
import { CoverageTable, type TableRow } from './CoverageTable.tsx';
import { fhirUrl } from './campaign-api.ts';
import { TargetSection } from './TargetSection.tsx';
import { TrendSection } from './TrendSection.tsx';
import { VaccinationTabs } from './VaccinationTabs.tsx';
import {
  AGE_BANDS_SHOWN,
  AGE_GROUPS,
  type CoverageAgeGroup,
  groupTotal,
  useCoverage,
  WIDE_GROUPS,
} from './vaccination-api.ts';
import './vaccination.css';

const isAgeGroup = (value: string | null): value is CoverageAgeGroup =>
  (AGE_GROUPS as readonly string[]).includes(value ?? '');

/**
 * /vaccination — coverage of the user's unit (or of a unit below, ?unit=): by age group, then by the units
 * directly below it for one age group (?age=, 12+ by default: seed 004's target), as charts and as tables;
 * the unit's targets with their progress; the weekly trend; the FHIR export. Printable for the steering
 * committee's meeting.
 */
export function CoveragePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? user.unitCode;
  const age: CoverageAgeGroup = isAgeGroup(params.get('age'))
    ? (params.get('age') as CoverageAgeGroup)
    : '12+';
  const view = useCoverage(unit);
  const names = useUnit(unit);
  useDocumentTitle(t('vaccination.coverage.title'));

  const go = (next: { unit?: string; age?: CoverageAgeGroup }) => {
    const search = new URLSearchParams();
    const u = next.unit ?? unit;
    const a = next.age ?? age;
    if (u !== user.unitCode) search.set('unit', u);
    if (a !== '12+') search.set('age', a);
    setParams(search);
  };

  const nameOf = useMemo(() => {
    const known = new Map<string, string>();
    if (names.data) {
      known.set(names.data.unit.code, names.data.unit.nameWithType);
      for (const c of names.data.children) known.set(c.code, c.nameWithType);
    }
    return (code: string, name?: string) => name ?? known.get(code) ?? code;
  }, [names.data]);

  const own = view.data?.units[0];
  const below = useMemo(() => view.data?.units.slice(1) ?? [], [view.data]);
  const level = own?.level ?? names.data?.unit.level ?? user.unitLevel;
  const ageRows = useMemo<ChartRow[]>(
    () =>
      own
        ? [...AGE_BANDS_SHOWN, ...WIDE_GROUPS].map((g) => ({
            key: g,
            label: t(`vaccination.ageGroups.${g}`),
            counts: own.byAgeGroup[g],
          }))
        : [],
    [own, t],
  );
  const unitRows = useMemo<ChartRow[]>(
    () => below.map((u) => ({ key: u.code, label: nameOf(u.code, u.name), counts: u.byAgeGroup[age] })),
    [below, age, nameOf],
  );

  if (statusOf(view.error) === 403 || statusOf(view.error) === 404) return <NoAccessPage />;

  const ownName = own ? nameOf(own.code, own.name) : (names.data?.unit.nameWithType ?? '');
  const twelve = own?.byAgeGroup['12+'];
  const adults = own?.byAgeGroup['18+'];
  const unitTableRows: TableRow[] = [
    ...unitRows.map((r) => ({ ...r, onOpen: level < 3 ? () => go({ unit: r.key }) : undefined })),
    ...(own ? [{ key: own.code, label: ownName, counts: own.byAgeGroup[age], total: true }] : []),
  ];

  return (
    <>
      <VaccinationTabs />
      <div className="page-head">
        <h1>{t('vaccination.coverage.title')}</h1>
        <div className="actions no-print">
          <button type="button" className="btn btn-small" onClick={() => window.print()}>
            {t('vaccination.coverage.print')}
          </button>
          {/* The export carries every vaccinated resident's identity: only roles that record doses get it. */}
          {can(user.role, 'vaccination.write') && (
            <a
              className="btn btn-small"
              href={fhirUrl(unit)}
              download={`fhir-tiem-chung-${unit}.json`}
              data-testid="fhir-export"
            >
              {t('vaccination.coverage.fhir')}
            </a>
          )}
        </div>
      </div>
      {own && (
        <p className="compliance-scope">
          <strong data-testid="coverage-unit">{ownName}</strong>
          <span className="muted">
            {' '}
            · {t('vaccination.coverage.population', { n: formatNumber(own.population) })}
            {view.data?.asOf && (
              <> · {t('vaccination.coverage.asOf', { date: isoDateToText(view.data.asOf) })}</>
            )}
          </span>
        </p>
      )}
      {unit !== user.unitCode && (
        <p className="no-print compliance-filters">
          <button type="button" className="link-button" onClick={() => go({ unit: user.unitCode })}>
            {t('vaccination.coverage.up', { unit: user.unitName })}
          </button>
        </p>
      )}
      {view.isPending && <Loading />}
      {view.isError && <ErrorNotice error={view.error} onRetry={() => void view.refetch()} />}
      {own && twelve && adults && (
        <div className={view.isPlaceholderData ? 'stale' : undefined}>
          <dl className="kpis" data-testid="coverage-kpis">
            <div className="kpi">
              <dt className="kpi-label">{t('vaccination.coverage.kpiPrimary')}</dt>
              <dd className="kpi-figures">
                <span className="kpi-value">
                  {formatPercent(twelve.primaryComplete + twelve.booster, groupTotal(twelve))}
                </span>
                <span className="kpi-note">
                  {t('vaccination.coverage.ofPeople', {
                    n: formatNumber(twelve.primaryComplete + twelve.booster),
                    total: formatNumber(groupTotal(twelve)),
                  })}
                </span>
              </dd>
            </div>
            <div className="kpi">
              <dt className="kpi-label">{t('vaccination.coverage.kpiBooster')}</dt>
              <dd className="kpi-figures">
                <span className="kpi-value">{formatPercent(adults.booster, groupTotal(adults))}</span>
                <span className="kpi-note">
                  {t('vaccination.coverage.ofPeople', {
                    n: formatNumber(adults.booster),
                    total: formatNumber(groupTotal(adults)),
                  })}
                </span>
              </dd>
            </div>
            <div className="kpi kpi-gap">
              <dt className="kpi-label">{t('vaccination.coverage.kpiNone')}</dt>
              <dd className="kpi-figures">
                <span className="kpi-value" data-testid="kpi-not-vaccinated">
                  {formatNumber(twelve.notVaccinated)}
                </span>
                <span className="kpi-note">
                  {level === 3 ? (
                    <Link
                      className="no-print"
                      to={
                        unit === user.unitCode
                          ? '/vaccination/worklist'
                          : `/vaccination/worklist?unit=${unit}`
                      }
                    >
                      {t('vaccination.coverage.toWorklist')}
                    </Link>
                  ) : (
                    t('vaccination.coverage.people12')
                  )}
                </span>
              </dd>
            </div>
          </dl>

          <TargetSection unit={own.code} level={level} />

          <section className="card coverage-section" aria-labelledby="by-age-title">
            <h2 id="by-age-title">{t('vaccination.coverage.byAge')}</h2>
            {own.population === 0 ? (
              <p className="muted">{t('vaccination.coverage.noResidents')}</p>
            ) : (
              <CoverageChart rows={ageRows} testId="age-chart" />
            )}
            <CoverageTable
              rows={ageRows}
              caption={t('vaccination.coverage.byAgeCaption', { unit: ownName })}
              firstColumn={t('vaccination.coverage.ageGroup')}
              testId="age-table"
              rowTestId="age-row"
            />
          </section>

          <section className="card coverage-section" aria-labelledby="by-unit-title">
            <div className="section-head">
              <h2 id="by-unit-title">
                {level === 2
                  ? t('vaccination.coverage.byCommune')
                  : level === 3
                    ? t('vaccination.coverage.byOwnUnit')
                    : t('vaccination.coverage.byUnit')}
              </h2>
              <label className="age-select">
                <span>{t('vaccination.coverage.ageGroup')}</span>
                <select value={age} onChange={(e) => go({ age: e.target.value as CoverageAgeGroup })}>
                  {AGE_GROUPS.map((g) => (
                    <option key={g} value={g}>
                      {t(`vaccination.ageGroups.${g}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {unitRows.length > 0 && <CoverageChart rows={unitRows} testId="unit-chart" />}
            <CoverageTable
              rows={unitTableRows}
              caption={t('vaccination.coverage.byUnitCaption', {
                unit: ownName,
                age: t(`vaccination.ageGroups.${age}`),
              })}
              firstColumn={t('vaccination.coverage.unit')}
              testId="coverage-table"
              rowTestId="coverage-row"
            />
          </section>
          <TrendSection unit={own.code} age={age} />
          <p className="muted coverage-note">{t('vaccination.coverage.note')}</p>
        </div>
      )}
    </>
  );
}
