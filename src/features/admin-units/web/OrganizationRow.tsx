import { useTranslation } from 'react-i18next';
import { DeleteButton } from '../../../web/DeleteButton.tsx';
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
          <DeleteButton busy={remove.isPending} onClick={confirmDelete} />
        </div>
      )}
      {remove.isError && <ErrorNotice error={remove.error} />}
    </li>
  );
}
