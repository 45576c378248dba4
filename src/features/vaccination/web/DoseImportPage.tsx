import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statusOf } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { formatDateTime, formatNumber } from '../../../web/format.ts';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { can } from '../../auth/rules.ts';
import { ImportProgress } from '../../persons/web/ImportProgress.tsx';
import { MAX_FILE_BYTES } from '../../persons/web/persons-api.ts';
import { UnitPicker } from '../../persons/web/UnitPicker.tsx';
import { DoseImportResultView } from './DoseImportResult.tsx';
import { VaccinationTabs } from './VaccinationTabs.tsx';
import {
  type DoseImportMode,
  type DoseImportResult,
  runDoseImport,
  uploadDoseFile,
  useDoseImports,
  useRefreshVaccination,
} from './vaccination-api.ts';

type Phase = 'idle' | 'uploading' | 'importing' | 'done';
const MODES: DoseImportMode[] = ['valid-rows', 'all-or-nothing'];

/** The unit's last imports: when, which file, what came of it. */
function ImportHistory({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const imports = useDoseImports(unit);
  if (!imports.data || imports.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="dose-imports-title">
      <h2 id="dose-imports-title">{t('vaccination.import.history')}</h2>
      <ul className="rows">
        {imports.data.slice(0, 10).map((b) => (
          <li key={b.id} className="row">
            <div className="row-main">
              <strong className="file-name">{b.file_name}</strong>
              <div className="row-meta">
                <span>{formatDateTime(b.created_at)}</span>
                <span>
                  {b.status === 'committed'
                    ? t('vaccination.import.historyLine', {
                        imported: formatNumber(b.imported),
                        rejected: formatNumber(b.rejected),
                        fresh: formatNumber(b.new_persons),
                      })
                    : t('vaccination.import.historyRefused', { rejected: formatNumber(b.rejected) })}
                </span>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * /vaccination/import — a dose list laid out like a national-platform export (.xlsx/.csv, one row per dose):
 * upload with its progress, import (rows matched to the registry on the server), and the result with the
 * rejected rows, warnings and ignored doses. The same upload serves a retry with the valid rows only.
 */
export function DoseImportPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const refresh = useRefreshVaccination();
  useDocumentTitle(t('vaccination.import.title'));
  const [picked, setPicked] = useState('');
  const unit = picked || user.unitCode;
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState('');
  const [mode, setMode] = useState<DoseImportMode>('valid-rows');
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState({ loaded: 0, total: 0 });
  const [result, setResult] = useState<DoseImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const uploaded = useRef<{ file: File; uploadId: string } | null>(null);
  const busy = phase === 'uploading' || phase === 'importing';

  if (!can(user.role, 'vaccination.write') || !can(user.role, 'persons.import'))
    return (
      <>
        <VaccinationTabs />
        <h1>{t('vaccination.import.title')}</h1>
        <p className="notice notice-error">{t('vaccination.import.noPermission')}</p>
      </>
    );

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setResult(null);
    setError(null);
    setPhase('idle');
    if (!chosen) return setFileProblem('');
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) setFileProblem(t('persons.import.badType'));
    else if (chosen.size === 0) setFileProblem(t('persons.import.empty'));
    else if (chosen.size > MAX_FILE_BYTES) setFileProblem(t('persons.import.tooLarge'));
    else setFileProblem('');
  };

  const run = async (runMode: DoseImportMode) => {
    if (!file || fileProblem) return;
    setError(null);
    setResult(null);
    try {
      let uploadId = uploaded.current?.file === file ? uploaded.current.uploadId : null;
      if (!uploadId) {
        setPhase('uploading');
        setProgress({ loaded: 0, total: file.size });
        const upload = await uploadDoseFile(file, (loaded, total) => setProgress({ loaded, total }));
        uploadId = upload.uploadId;
        uploaded.current = { file, uploadId };
      }
      setPhase('importing');
      const answer = await runDoseImport({ uploadId, unit, mode: runMode });
      setMode(runMode);
      setResult(answer);
      setPhase('done');
      void refresh();
    } catch (e) {
      // An upload the server no longer has (restarted, cleaned): the next try sends the file again.
      if (statusOf(e) === 404) uploaded.current = null;
      setError(e);
      setPhase('idle');
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(mode);
  };

  return (
    <>
      <VaccinationTabs />
      <div className="page-head">
        <h1>{t('vaccination.import.title')}</h1>
      </div>
      <p className="muted import-intro">{t('vaccination.import.intro')}</p>
      <form className="card import-form" onSubmit={submit}>
        {user.unitLevel === 3 ? (
          <div className="field">
            <span className="field-label">{t('vaccination.import.unit')}</span>
            <strong>{user.unitName}</strong>
          </div>
        ) : (
          <fieldset className="plain-fieldset" disabled={busy}>
            <legend className="field-label">{t('vaccination.import.unit')}</legend>
            <UnitPicker
              idPrefix="dose-import-unit"
              rootCode={user.unitCode}
              rootLevel={user.unitLevel}
              value={picked}
              emptyLabel={t('vaccination.import.wholeUnit', { unit: user.unitName })}
              onChange={setPicked}
            />
          </fieldset>
        )}
        <FormField
          id="dose-import-file"
          label={t('vaccination.import.file')}
          hint={t('vaccination.import.fileHint')}
          error={fileProblem || undefined}
        >
          {(aria) => (
            <input
              {...aria}
              type="file"
              data-testid="dose-import-file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              disabled={busy}
              onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
            />
          )}
        </FormField>
        <FormField
          id="dose-import-mode"
          label={t('persons.import.mode')}
          hint={t(`vaccination.import.modeHints.${mode}`)}
        >
          {(aria) => (
            <select
              {...aria}
              data-testid="dose-import-mode"
              value={mode}
              disabled={busy}
              onChange={(e) => setMode(e.target.value as DoseImportMode)}
            >
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`persons.import.modes.${m}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {phase === 'idle' && error ? <ErrorNotice error={error} /> : null}
        {(phase === 'uploading' || phase === 'importing') && (
          <ImportProgress phase={phase} loaded={progress.loaded} total={progress.total} />
        )}
        <div className="actions">
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="dose-import-submit"
            disabled={busy || !file || Boolean(fileProblem)}
          >
            {t('vaccination.import.submit')}
          </button>
        </div>
      </form>
      {result && (
        <DoseImportResultView result={result} busy={busy} onImportValid={() => void run('valid-rows')} />
      )}
      <ImportHistory unit={unit} />
    </>
  );
}
