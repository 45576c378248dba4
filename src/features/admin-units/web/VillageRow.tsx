import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteButton } from '../../../web/DeleteButton.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { PopulationFigure } from './PopulationFigure.tsx';
import { useDeleteVillage, useUpdateVillage, type Village } from './units-api.ts';
import { VillageForm } from './VillageForm.tsx';

export function VillageRow({ village, canEdit }: { village: Village; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const update = useUpdateVillage(village.communeCode);
  const remove = useDeleteVillage(village.communeCode);

  const confirmDelete = () => {
    if (window.confirm(t('village.confirmDelete', { name: village.name }))) remove.mutate(village.id);
  };

  if (editing)
    return (
      <li className="row" data-testid="village-row">
        <VillageForm
          idPrefix={`village-${village.id}`}
          initial={village}
          saving={update.isPending}
          error={update.error}
          onSubmit={(input) =>
            update.mutate({ id: village.id, input }, { onSuccess: () => setEditing(false) })
          }
          onCancel={() => {
            update.reset();
            setEditing(false);
          }}
        />
      </li>
    );

  return (
    <li className="row" data-testid="village-row">
      <div className="row-main">
        <strong>{village.name}</strong>
        <div className="row-meta">
          <span>{t(`village.kinds.${village.kind}`)}</span>
          <span>
            <PopulationFigure value={village.population} source={village.populationSource} />
          </span>
        </div>
      </div>
      {canEdit && (
        <div className="row-actions">
          <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
            {t('app.edit')}
          </button>
          <DeleteButton busy={remove.isPending} onClick={confirmDelete} />
        </div>
      )}
      {remove.isError && <ErrorNotice error={remove.error} />}
    </li>
  );
}
