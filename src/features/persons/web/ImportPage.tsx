import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError, statusOf } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/units-api.ts';
import { can } from '../../auth/rules.ts';
import { type PreviewRow, readPreview } from './file-preview.ts';
import { defaultMapping, ImportMapping, type ManualMapping, mappingBody } from './ImportMapping.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportResultView } from './ImportResultView.tsx';
import { PersonsTabs } from './PersonsTabs.tsx';
import {
  type ImportMode,
  type ImportResult,
  MAX_FILE_BYTES,
  runImport,
  uploadPersonFile,
  useRefreshPersons,
} from './persons-api.ts';
import { UnitPicker } from './UnitPicker.tsx';

type Phase = 'idle' | 'uploading' | 'importing' | 'mapping' | 'done';
const MODES: ImportMode[] = ['all-or-nothing', 'valid-rows'];

/** The server did not find the header row (or the user's mapping lacks the name): ask for a mapping. */
function needsMapping(error: unknown): boolean {
  if (!isApiError(error) || error.status !== 400) return false;
  if (error.fieldMessage('mapping') !== undefined) return true;
  return error.fieldMessage('file') !== undefined && /tiêu đề|header/i.test(error.message);
}

/**
 * /persons/import — the wizard: commune, file and mode; upload (with its progress), import (rows checked on
 * the server); a mapping step when the header is not recognised; the result with the rejected rows. The same
 * upload serves every retry (another mode, a mapping), so a slow link sends the file once.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const refresh = useRefreshPersons();
  useDocumentTitle(t('persons.import.title'));

  const [picked, setPicked] = useState('');
  const pickedUnit = useUnit(user.unitLevel < 3 ? picked : '');
  const commune = user.unitLevel === 3 ? user.unitCode : pickedUnit.data?.unit.level === 3 ? picked : '';

  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState('');
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState({ loaded: 0, total: 0 });
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [manual, setManual] = useState<ManualMapping | null>(null);
  const [preview, setPreview] = useState<PreviewRow[] | null>(null);
  const uploaded = useRef<{ file: File; uploadId: string } | null>(null);
  const busy = phase === 'uploading' || phase === 'importing';

  if (!can(user.role, 'persons.import'))
    return (
      <>
        <PersonsTabs />
        <h1>{t('persons.import.title')}</h1>
        <p className="notice notice-error">{t('persons.import.noPermission')}</p>
      </>
    );

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setResult(null);
    setError(null);
    setManual(null);
    setPreview(null);
    setPhase('idle');
    if (!chosen) return setFileProblem('');
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) setFileProblem(t('persons.import.badType'));
    else if (chosen.size === 0) setFileProblem(t('persons.import.empty'));
    else if (chosen.size > MAX_FILE_BYTES) setFileProblem(t('persons.import.tooLarge'));
    else setFileProblem('');
  };

  const run = async (runMode: ImportMode, mapping: ManualMapping | null) => {
    if (!file || !commune || fileProblem) return;
    setError(null);
    setResult(null);
    try {
      let uploadId = uploaded.current?.file === file ? uploaded.current.uploadId : null;
      if (!uploadId) {
        setPhase('uploading');
        setProgress({ loaded: 0, total: file.size });
        const upload = await uploadPersonFile(file, (loaded, total) => setProgress({ loaded, total }));
        uploadId = upload.uploadId;
        uploaded.current = { file, uploadId };
      }
      setPhase('importing');
      const answer = await runImport({
        uploadId,
        commune,
        mode: runMode,
        ...(mapping ? mappingBody(mapping) : {}),
      });
      setMode(runMode);
      setResult(answer);
      setPhase('done');
      if (answer.committed) void refresh();
    } catch (e) {
      // An upload the server no longer has (restarted, cleaned): the next try sends the file again.
      if (statusOf(e) === 404) uploaded.current = null;
      setError(e);
      if (!needsMapping(e)) return setPhase('idle');
      if (!preview) setPreview(await readPreview(file));
      setPhase('mapping');
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(mode, manual);
  };

  return (
    <>
      <PersonsTabs />
      <div className="page-head">
        <h1>{t('persons.import.title')}</h1>
        <Link to="/persons/imports">{t('persons.import.history')}</Link>
      </div>
      <p className="muted import-intro">{t('persons.import.intro')}</p>
      <form className="card import-form" onSubmit={submit}>
        {user.unitLevel === 3 ? (
          <div className="field">
            <span className="field-label">{t('persons.import.commune')}</span>
            <strong>{user.unitName}</strong>
          </div>
        ) : (
          <fieldset className="plain-fieldset" disabled={busy}>
            <legend className="field-label">{t('persons.import.commune')}</legend>
            <UnitPicker
              idPrefix="import-unit"
              rootCode={user.unitCode}
              rootLevel={user.unitLevel}
              value={picked}
              emptyLabel={t('persons.chooseCommune')}
              onChange={setPicked}
            />
          </fieldset>
        )}
        <FormField
          id="import-file"
          label={t('persons.import.file')}
          hint={t('persons.import.fileHint')}
          error={fileProblem || undefined}
        >
          {(aria) => (
            <input
              {...aria}
              type="file"
              data-testid="import-file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              disabled={busy}
              onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
            />
          )}
        </FormField>
        <FormField
          id="import-mode"
          label={t('persons.import.mode')}
          hint={t(`persons.import.modeHints.${mode}`)}
        >
          {(aria) => (
            <select
              {...aria}
              data-testid="import-mode"
              value={mode}
              disabled={busy}
              onChange={(e) => setMode(e.target.value as ImportMode)}
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
            data-testid="import-submit"
            disabled={busy || !file || !commune || Boolean(fileProblem) || phase === 'mapping'}
          >
            {t('persons.import.submit')}
          </button>
        </div>
      </form>
      {phase === 'mapping' && (
        <>
          <ErrorNotice error={error} />
          <ImportMapping
            initial={manual ?? defaultMapping(preview)}
            preview={preview}
            busy={busy}
            onSubmit={(mapping) => {
              setManual(mapping);
              void run(mode, mapping);
            }}
            onCancel={() => {
              setError(null);
              setPhase('idle');
            }}
          />
        </>
      )}
      {result && (
        <ImportResultView result={result} busy={busy} onImportValid={() => void run('valid-rows', manual)} />
      )}
    </>
  );
}
