import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { statusOf } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { NoAccessPage } from '../../../web/NoAccessPage.tsx';
import { NotFoundPage } from '../../../web/NotFoundPage.tsx';
import { canEditUnits, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { AreaBreadcrumb } from './AreaBreadcrumb.tsx';
import { AreaSearch } from './AreaSearch.tsx';
import { ChildUnitsTable } from './ChildUnitsTable.tsx';
import { OrganizationSection } from './OrganizationSection.tsx';
import { PopulationFigure } from './PopulationFigure.tsx';
import { useUnit } from './units-api.ts';
import { useUnitKindLabel } from './useUnitKindLabel.ts';
import { VillageSection } from './VillageSection.tsx';
import './admin-units.css';

/** /areas/:code — a unit, the units below it, its villages (communes) and its organizations. */
export function AreaPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const user = useCurrentUser();
  const kindLabel = useUnitKindLabel();
  const view = useUnit(code);
  useDocumentTitle(view.data?.unit.nameWithType);

  const status = statusOf(view.error);
  if (status === 403) return <NoAccessPage />;
  if (status === 404 || status === 400) return <NotFoundPage />;

  return (
    <>
      <AreaSearch />
      {view.isPending && <Loading />}
      {view.isError && <ErrorNotice error={view.error} onRetry={() => void view.refetch()} />}
      {view.data && (
        <>
          <AreaBreadcrumb path={view.data.path} current={view.data.unit.nameWithType} />
          <header className="area-head">
            <h1 data-testid="area-title">{view.data.unit.nameWithType}</h1>
            <dl className="facts">
              <div>
                <dt>{t('area.population')}</dt>
                <dd>
                  <PopulationFigure
                    value={view.data.unit.population}
                    source={view.data.unit.populationSource}
                    badge
                  />
                </dd>
              </div>
              <div>
                <dt>{t('area.kind')}</dt>
                <dd>{kindLabel(view.data.unit.kind)}</dd>
              </div>
              <div>
                <dt>{t('area.code')}</dt>
                <dd>{view.data.unit.code}</dd>
              </div>
            </dl>
          </header>
          {view.data.unit.level < 3 && <ChildUnitsTable units={view.data.children} />}
          {view.data.unit.level === 3 && (
            <VillageSection
              communeCode={view.data.unit.code}
              villages={view.data.villages}
              canEdit={canEditUnits(user.role)}
            />
          )}
          {view.data.unit.level > 0 && (
            <OrganizationSection
              unitCode={view.data.unit.code}
              organizations={view.data.organizations}
              canEdit={canEditUnits(user.role)}
            />
          )}
        </>
      )}
    </>
  );
}
