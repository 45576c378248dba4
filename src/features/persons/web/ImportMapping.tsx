import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../web/FormActions.tsx';
import { ScrollArea } from '../../../web/ScrollArea.tsx';
import type { PreviewRow } from './file-preview.ts';
import { columnLetter } from './person-format.ts';
import { PERSON_FIELDS } from './persons-api.ts';

type Field = (typeof PERSON_FIELDS)[number];

/** The user's own reading of the file: the Excel row of the header, and the field of each column. */
export interface ManualMapping {
  headerRow: number;
  columns: (Field | '')[];
}

const MAX_COLUMNS = 60;
const PREVIEW_ROWS = 10;

/** A first mapping: as many columns as the preview shows (8 without one), all ignored. */
export function defaultMapping(preview: PreviewRow[] | null): ManualMapping {
  const widest = Math.max(0, ...(preview ?? []).map((r) => r.cells.length));
  return { headerRow: 1, columns: Array(Math.min(30, widest || 8)).fill('') };
}

/** As the API takes it: column index → field (null: ignored). */
export const mappingBody = (m: ManualMapping) => ({
  headerRow: m.headerRow,
  mapping: Object.fromEntries(m.columns.map((field, i) => [String(i), field || null])),
});

/**
 * When the header row is not recognised: the user says which row holds it and what each column A, B, C…
 * contains (Họ và tên is required), and the import runs again with the same upload.
 */
export function ImportMapping({
  initial,
  preview,
  busy,
  onSubmit,
  onCancel,
}: {
  initial: ManualMapping;
  preview: PreviewRow[] | null;
  busy: boolean;
  onSubmit: (mapping: ManualMapping) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [headerRow, setHeaderRow] = useState(String(initial.headerRow));
  const [columns, setColumns] = useState(initial.columns);
  const [problem, setProblem] = useState('');

  // A sample of each column: its first value under the header row.
  const dataRows = (preview ?? []).filter((r) => r.row > (Number(headerRow) || 0));
  const sample = (index: number) => dataRows.find((r) => r.cells[index])?.cells[index];
  const setColumn = (index: number, field: Field | '') =>
    setColumns((list) => list.map((f, i) => (i === index ? field : f)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!columns.includes('fullName')) {
      setProblem(t('persons.import.needName'));
      return;
    }
    setProblem('');
    onSubmit({ headerRow: Number(headerRow) || 0, columns });
  };

  return (
    <form className="card import-mapping" onSubmit={submit} data-testid="import-mapping">
      <h2>{t('persons.import.mappingTitle')}</h2>
      <p>{t('persons.import.mappingIntro')}</p>
      <div className="field header-row-field">
        <label htmlFor="mapping-header-row">{t('persons.import.headerRow')}</label>
        <input
          id="mapping-header-row"
          inputMode="numeric"
          maxLength={3}
          aria-describedby="mapping-header-row-hint"
          value={headerRow}
          onChange={(e) => setHeaderRow(e.target.value.replace(/\D/g, ''))}
        />
        <p className="hint" id="mapping-header-row-hint">
          {t('persons.import.headerRowHint')}
        </p>
      </div>
      {preview && preview.length > 0 && (
        <figure className="file-preview">
          <figcaption className="field-label">{t('persons.import.previewTitle')}</figcaption>
          <ScrollArea>
            <table className="table preview-table">
              <thead>
                <tr>
                  <th scope="col">{t('persons.import.row')}</th>
                  {columns.map((_, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the sheet.
                    <th scope="col" key={index}>
                      {columnLetter(index)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.slice(0, PREVIEW_ROWS).map((r) => (
                  <tr key={r.row} className={String(r.row) === headerRow ? 'preview-header' : undefined}>
                    <th scope="row" className="num">
                      {r.row}
                    </th>
                    {columns.map((_, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the sheet.
                      <td key={index}>{r.cells[index] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        </figure>
      )}
      <div className="mapping-grid">
        {columns.map((field, index) => {
          const id = `mapping-col-${index}`;
          const example = sample(index);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the sheet.
            <div className="field" key={index}>
              <label htmlFor={id}>{t('persons.import.columnN', { letter: columnLetter(index) })}</label>
              <select
                id={id}
                value={field}
                aria-describedby={example ? `${id}-sample` : undefined}
                onChange={(e) => setColumn(index, e.target.value as Field | '')}
              >
                <option value="">{t('persons.import.ignore')}</option>
                {PERSON_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {t(`persons.fields.${f}`)}
                  </option>
                ))}
              </select>
              {example && (
                <p className="hint sample" id={`${id}-sample`}>
                  {t('persons.import.sample', { value: example })}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <div className="actions mapping-columns">
        <button
          type="button"
          className="btn btn-small"
          disabled={columns.length >= MAX_COLUMNS}
          onClick={() => setColumns((list) => [...list, ''])}
        >
          {t('persons.import.addColumn')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={columns.length <= 1}
          onClick={() => setColumns((list) => list.slice(0, -1))}
        >
          {t('persons.import.removeColumn')}
        </button>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <FormActions label={t('persons.import.resend')} disabled={busy} onCancel={onCancel} />
    </form>
  );
}
