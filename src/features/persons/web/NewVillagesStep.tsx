import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../web/format.ts';
import type { VillageKind } from '../../admin-units/web/index.ts';
import type { ImportResult } from './persons-api.ts';

/**
 * Before anything is stored: the villages the list names that the commune does not have yet, with the kind
 * read from each name and how many rows name it. Created only when the user confirms; otherwise their rows are
 * rejected like any row naming an unknown village.
 */
export function NewVillagesStep({
  villages,
  busy,
  onContinue,
}: {
  villages: ImportResult['newVillages'];
  busy: boolean;
  onContinue: (create: boolean) => void;
}) {
  const { t } = useTranslation();
  const [create, setCreate] = useState(false);
  const rows = villages.reduce((n, v) => n + v.rows, 0);
  return (
    <section className="card import-result" data-testid="new-villages" aria-labelledby="new-villages-title">
      <h2 id="new-villages-title">{t('persons.import.newVillages.title', { n: villages.length })}</h2>
      <p>{t('persons.import.newVillages.intro', { rows: formatNumber(rows) })}</p>
      <ul className="new-villages">
        {villages.map((v) => (
          <li key={v.name} data-testid="new-village">
            <strong>{v.name}</strong>{' '}
            <span className="muted">({t(`village.kinds.${v.kind as VillageKind}`)})</span> —{' '}
            {t('persons.import.newVillages.rows', { n: formatNumber(v.rows) })}
          </li>
        ))}
      </ul>
      <label className="check">
        <input
          type="checkbox"
          data-testid="create-villages"
          checked={create}
          disabled={busy}
          onChange={(e) => setCreate(e.target.checked)}
        />{' '}
        {t('persons.import.newVillages.confirm', { n: villages.length })}
      </label>
      <p className="muted">{t('persons.import.newVillages.withoutHint')}</p>
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="new-villages-continue"
          disabled={busy}
          onClick={() => onContinue(create)}
        >
          {t('persons.import.newVillages.continue')}
        </button>
      </div>
    </section>
  );
}
