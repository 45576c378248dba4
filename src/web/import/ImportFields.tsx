import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { FormField } from '../FormField.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import type { ImportPhase } from './useFileImport.ts';

const TABLE_TYPES = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** The file input of a table import (.xlsx or .csv), with what is wrong with the chosen file. */
export function ImportFileField(props: {
  id: string;
  label: string;
  hint: string;
  problem: string;
  disabled: boolean;
  onChoose: (file: File | null) => void;
}) {
  return (
    <FormField id={props.id} label={props.label} hint={props.hint} error={props.problem || undefined}>
      {(aria) => (
        <input
          {...aria}
          type="file"
          data-testid={props.id}
          accept={TABLE_TYPES}
          disabled={props.disabled}
          onChange={(e) => props.onChoose(e.target.files?.[0] ?? null)}
        />
      )}
    </FormField>
  );
}

/** The import mode (all-or-nothing or valid rows only), with a hint that says what the chosen one does. */
export function ImportModeField<M extends 'all-or-nothing' | 'valid-rows'>(props: {
  id: string;
  modes: readonly M[];
  value: M;
  hint: string;
  disabled: boolean;
  onChange: (mode: M) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormField id={props.id} label={t('persons.import.mode')} hint={props.hint}>
      {(aria) => (
        <select
          {...aria}
          data-testid={props.id}
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value as M)}
        >
          {props.modes.map((m) => (
            <option key={m} value={m}>
              {t(`persons.import.modes.${m}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** Under the fields: what went wrong, the upload's and the import's progress, and the import button. */
export function ImportFooter(props: {
  phase: ImportPhase;
  error: unknown;
  progress: { loaded: number; total: number };
  label: string;
  disabled: boolean;
  testId: string;
}) {
  const { phase, progress } = props;
  return (
    <>
      {phase === 'idle' && props.error ? <ErrorNotice error={props.error} /> : null}
      {(phase === 'uploading' || phase === 'importing') && (
        <ImportProgress phase={phase} loaded={progress.loaded} total={progress.total} />
      )}
      <div className="actions">
        <button
          type="submit"
          className="btn btn-primary"
          data-testid={props.testId}
          disabled={props.disabled}
        >
          {props.label}
        </button>
      </div>
    </>
  );
}
