import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutationFormProps } from '../../../web/add-form.ts';
import { SectionHead } from '../../../web/SectionHead.tsx';
import { GeneratedNote } from './PopulationFigure.tsx';
import { useAddVillage, type Village } from './units-api.ts';
import { VillageForm } from './VillageForm.tsx';
import { VillageRow } from './VillageRow.tsx';

/** The villages (thôn, bản, tổ dân phố…) of a commune. */
export function VillageSection({
  communeCode,
  villages,
  canEdit,
}: {
  communeCode: string;
  villages: Village[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const add = useAddVillage(communeCode);

  return (
    <section className="card">
      <SectionHead
        title={
          <>
            {t('village.title')} <span className="count">({villages.length})</span>
          </>
        }
        addLabel={`+ ${t('village.add')}`}
        canAdd={canEdit && !adding}
        onAdd={() => setAdding(true)}
      />
      {adding && <VillageForm idPrefix="village-new" {...mutationFormProps(add, () => setAdding(false))} />}
      {villages.length === 0 ? (
        <p>{t('village.none')}</p>
      ) : (
        <ul className="rows">
          {villages.map((village) => (
            <VillageRow key={village.id} village={village} canEdit={canEdit} />
          ))}
        </ul>
      )}
      <GeneratedNote show={villages.some((v) => v.populationSource === 'generated')} />
    </section>
  );
}
