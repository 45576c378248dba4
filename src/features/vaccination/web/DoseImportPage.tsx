import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../web/format.ts';
import { ImportFileField, ImportFooter, ImportModeField } from '../../../web/import/ImportFields.tsx';
import { ImportUnitField } from '../../../web/import/ImportUnitField.tsx';
import { useFileImport } from '../../../web/import/useFileImport.ts';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { DoseImportResultView } from './DoseImportResult.tsx';
import { VaccinationTabs } from './VaccinationTabs.tsx';
import {
  type DoseImportMode,
  type DoseImportResult,
  runDoseImport,
  useDoseImports,
  useRefreshVaccination,
} from './vaccination-api.ts';
import './vaccination.css';

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
                    : b.status === 'running'
                      ? t('vaccination.import.historyRunning', { imported: formatNumber(b.imported) })
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
  const wizard = useFileImport<DoseImportResult>();
  const { file, fileProblem, phase, progress, result, error, busy } = wizard;
  const [mode, setMode] = useState<DoseImportMode>('valid-rows');

  if (!can(user.role, 'vaccination.write') || !can(user.role, 'persons.import'))
    return (
      <>
        <VaccinationTabs />
        <h1>{t('vaccination.import.title')}</h1>
        <p className="notice notice-error">{t('vaccination.import.noPermission')}</p>
      </>
    );

  const run = async (runMode: DoseImportMode) => {
    if (!(await wizard.run((uploadId) => runDoseImport({ uploadId, unit, mode: runMode })))) return;
    setMode(runMode);
    void refresh();
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
        <ImportUnitField
          label={t('vaccination.import.unit')}
          idPrefix="dose-import-unit"
          value={picked}
          emptyLabel={t('vaccination.import.wholeUnit', { unit: user.unitName })}
          disabled={busy}
          onChange={setPicked}
        />
        <ImportFileField
          id="dose-import-file"
          label={t('vaccination.import.file')}
          hint={t('vaccination.import.fileHint')}
          problem={fileProblem}
          disabled={busy}
          onChoose={wizard.chooseFile}
        />
        <ImportModeField
          id="dose-import-mode"
          modes={MODES}
          value={mode}
          hint={t(`vaccination.import.modeHints.${mode}`)}
          disabled={busy}
          onChange={setMode}
        />
        <ImportFooter
          phase={phase}
          error={error}
          progress={progress}
          label={t('vaccination.import.submit')}
          disabled={busy || !file || Boolean(fileProblem)}
          testId="dose-import-submit"
        />
      </form>
      {result && (
        <DoseImportResultView result={result} busy={busy} onImportValid={() => void run('valid-rows')} />
      )}
      <ImportHistory unit={unit} />
    </>
  );
}
