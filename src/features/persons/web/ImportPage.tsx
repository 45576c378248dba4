import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { ImportFileField, ImportFooter, ImportModeField } from '../../../web/import/ImportFields.tsx';
import { ImportUnitField } from '../../../web/import/ImportUnitField.tsx';
import { useFileImport } from '../../../web/import/useFileImport.ts';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import { type PreviewRow, readPreview } from './file-preview.ts';
import { defaultMapping, ImportMapping, type ManualMapping, mappingBody } from './ImportMapping.tsx';
import { ImportResultView } from './ImportResultView.tsx';
import { NewVillagesStep } from './NewVillagesStep.tsx';
import { PersonsTabs } from './PersonsTabs.tsx';
import {
  type ImportMode,
  type ImportResult,
  type NewVillagesChoice,
  runImport,
  useRefreshPersons,
} from './persons-api.ts';
import './persons.css';

const MODES: ImportMode[] = ['all-or-nothing', 'valid-rows'];

/** The server did not find the header row (or the user's mapping lacks the name): ask for a mapping. */
function needsMapping(error: unknown): boolean {
  if (!isApiError(error) || error.status !== 400) return false;
  if (error.fieldMessage('mapping') !== undefined) return true;
  return error.fieldMessage('file') !== undefined && /tiêu đề|header/i.test(error.message);
}

/**
 * /persons/import — the wizard: commune, file and mode; upload (with its progress), import (rows checked on
 * the server); a mapping step when the header is not recognised; the villages the list names that the commune
 * lacks, created once the user confirms; the result with the merged and rejected rows. The same upload serves
 * every retry (another mode, a mapping, the villages' answer), so a slow link sends the file once.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const refresh = useRefreshPersons();
  useDocumentTitle(t('persons.import.title'));

  const [picked, setPicked] = useState('');
  const pickedUnit = useUnit(user.unitLevel < 3 ? picked : '');
  const commune = user.unitLevel === 3 ? user.unitCode : pickedUnit.data?.unit.level === 3 ? picked : '';

  const wizard = useFileImport<ImportResult>();
  const { file, fileProblem, phase, progress, result, error, busy } = wizard;
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [manual, setManual] = useState<ManualMapping | null>(null);
  const [preview, setPreview] = useState<PreviewRow[] | null>(null);
  // The first try asks about new villages; the answer given to that question holds for the retries.
  const [villages, setVillages] = useState<NewVillagesChoice>('ask');

  if (!can(user.role, 'persons.import'))
    return (
      <>
        <PersonsTabs />
        <h1>{t('persons.import.title')}</h1>
        <p className="notice notice-error">{t('persons.import.noPermission')}</p>
      </>
    );

  const chooseFile = (chosen: File | null) => {
    wizard.chooseFile(chosen);
    setManual(null);
    setPreview(null);
    setVillages('ask');
  };
  // Asked and not stored: the list names villages the commune lacks.
  const asked = result && !result.committed && result.batchId === null && result.newVillages.length > 0;

  const run = async (runMode: ImportMode, mapping: ManualMapping | null, newVillages = villages) => {
    if (!commune) return;
    setVillages(newVillages);
    const answer = await wizard.run(
      (uploadId) =>
        runImport({
          uploadId,
          commune,
          mode: runMode,
          newVillages,
          ...(mapping ? mappingBody(mapping) : {}),
        }),
      async (e, chosen) => {
        if (!needsMapping(e)) return 'idle';
        if (!preview) setPreview(await readPreview(chosen));
        return 'mapping';
      },
    );
    if (!answer) return;
    setMode(runMode);
    if (answer.committed) void refresh();
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
        <ImportUnitField
          label={t('persons.import.commune')}
          idPrefix="import-unit"
          value={picked}
          emptyLabel={t('persons.chooseCommune')}
          disabled={busy}
          onChange={(code) => {
            setPicked(code);
            setVillages('ask'); // another commune, other villages: ask again
          }}
        />
        <ImportFileField
          id="import-file"
          label={t('persons.import.file')}
          hint={t('persons.import.fileHint')}
          problem={fileProblem}
          disabled={busy}
          onChoose={chooseFile}
        />
        <ImportModeField
          id="import-mode"
          modes={MODES}
          value={mode}
          hint={t(`persons.import.modeHints.${mode}`)}
          disabled={busy}
          onChange={setMode}
        />
        <ImportFooter
          phase={phase}
          error={error}
          progress={progress}
          label={t('persons.import.submit')}
          disabled={busy || !file || !commune || Boolean(fileProblem) || phase === 'mapping'}
          testId="import-submit"
        />
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
              wizard.setError(null);
              wizard.setPhase('idle');
            }}
          />
        </>
      )}
      {asked && (
        <NewVillagesStep
          villages={result.newVillages}
          busy={busy}
          onContinue={(create) => void run(mode, manual, create ? 'create' : 'reject')}
        />
      )}
      {result && !asked && (
        <ImportResultView result={result} busy={busy} onImportValid={() => void run('valid-rows', manual)} />
      )}
    </>
  );
}
