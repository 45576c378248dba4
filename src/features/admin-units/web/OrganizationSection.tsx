import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutationFormProps } from '../../../web/add-form.ts';
import { SectionHead } from '../../../web/SectionHead.tsx';
import { OrganizationForm } from './OrganizationForm.tsx';
import { OrganizationRow } from './OrganizationRow.tsx';
import { type Organization, useAddOrganization } from './units-api.ts';

/** The organizations (UBND, BCĐ, trạm y tế…) of a unit. */
export function OrganizationSection({
  unitCode,
  organizations,
  canEdit,
}: {
  unitCode: string;
  organizations: Organization[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const add = useAddOrganization(unitCode);

  return (
    <section className="card">
      <SectionHead
        title={
          <>
            {t('organization.title')} <span className="count">({organizations.length})</span>
          </>
        }
        addLabel={`+ ${t('organization.add')}`}
        canAdd={canEdit && !adding}
        onAdd={() => setAdding(true)}
      />
      {adding && <OrganizationForm {...mutationFormProps(add, () => setAdding(false))} />}
      {organizations.length === 0 ? (
        <p>{t('organization.none')}</p>
      ) : (
        <ul className="rows">
          {organizations.map((organization) => (
            <OrganizationRow
              key={organization.id}
              unitCode={unitCode}
              organization={organization}
              canEdit={canEdit}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
