import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { type Organization, useDeleteOrganization } from './units-api.ts';

export function OrganizationRow({
  unitCode,
  organization,
  canEdit,
}: {
  unitCode: string;
  organization: Organization;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const remove = useDeleteOrganization(unitCode);
  const confirmDelete = () => {
    if (window.confirm(t('organization.confirmDelete', { name: organization.name })))
      remove.mutate(organization.id);
  };
  return (
    <li className="row" data-testid="organization-row">
      <div className="row-main">
        <strong>{organization.name}</strong>
        <div className="row-meta">
          <span>{t(`organization.kinds.${organization.kind}`)}</span>
          {organization.shortName && <span className="muted">{organization.shortName}</span>}
        </div>
      </div>
      {canEdit && (
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-small btn-danger"
            disabled={remove.isPending}
            onClick={confirmDelete}
          >
            {t('app.delete')}
          </button>
        </div>
      )}
      {remove.isError && <ErrorNotice error={remove.error} />}
    </li>
  );
}
