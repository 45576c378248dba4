import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
      <div className="section-head">
        <h2>
          {t('organization.title')} <span className="count">({organizations.length})</span>
        </h2>
        {canEdit && !adding && (
          <button type="button" className="btn btn-small" onClick={() => setAdding(true)}>
            + {t('organization.add')}
          </button>
        )}
      </div>
      {adding && (
        <OrganizationForm
          saving={add.isPending}
          error={add.error}
          onSubmit={(input) => add.mutate(input, { onSuccess: () => setAdding(false) })}
          onCancel={() => {
            add.reset();
            setAdding(false);
          }}
        />
      )}
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
