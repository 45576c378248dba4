import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../web/format.ts';
import { ImportFileField, ImportFooter, ImportModeField } from '../../../../web/import/ImportFields.tsx';
import { ImportUnitField } from '../../../../web/import/ImportUnitField.tsx';
import { ReportRows } from '../../../../web/import/ReportRows.tsx';
import { useFileImport } from '../../../../web/import/useFileImport.ts';
import { can, useCurrentUser } from '../../../../web/session.ts';
import { useDocumentTitle } from '../../../../web/useDocumentTitle.ts';
import { type CaseImportMode, type CaseImportResult, runCaseImport } from './orders-api.ts';
import '../cases.css';

const MODES: CaseImportMode[] = ['valid-rows', 'all-or-nothing'];

/**
 * /cases/nhap-danh-sach — a commune's F0 Excel list (as communes keep it) uploaded from the phone or the office
 * computer: the same import as `safeadapt import cases`; read, imported, rejected, matched and new persons,
 * the rejected rows named, and the whole report as .xlsx.
 */
export function CaseImportPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(t('caseOrders.import.title'));
  const [picked, setPicked] = useState('');
  const unit = picked || user.unitCode;
  const wizard = useFileImport<CaseImportResult>();
  const { file, fileProblem, phase, progress, result, error, busy } = wizard;
  const [mode, setMode] = useState<CaseImportMode>('valid-rows');
  if (!can(user.role, 'cases.write') || !can(user.role, 'persons.import'))
    return <p className="notice notice-error">{t('caseOrders.import.noPermission')}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void wizard.run((uploadId) => runCaseImport({ uploadId, unit, mode }));
  };
  return (
    <>
      <div className="page-head">
        <h1>{t('caseOrders.import.title')}</h1>
      </div>
      <p className="muted import-intro">{t('caseOrders.import.intro')}</p>
      <form className="card import-form" onSubmit={submit}>
        <ImportUnitField
          label={t('caseOrders.import.unit')}
          idPrefix="case-import-unit"
          value={picked}
          emptyLabel={t('cases.chooseUnit')}
          disabled={busy}
          onChange={setPicked}
        />
        <ImportFileField
          id="case-import-file"
          label={t('caseOrders.import.file')}
          hint={t('caseOrders.import.fileHint')}
          problem={fileProblem}
          disabled={busy}
          onChoose={wizard.chooseFile}
        />
        <ImportModeField
          id="case-import-mode"
          modes={MODES}
          value={mode}
          hint={t(`caseOrders.import.modeHints.${mode}`)}
          disabled={busy}
          onChange={setMode}
        />
        <ImportFooter
          phase={phase}
          error={error}
          progress={progress}
          label={t('caseOrders.import.submit')}
          disabled={busy || !file || Boolean(fileProblem) || unit.length !== 5}
          testId="case-import-submit"
        />
      </form>
      {result && (
        <section className="card" data-testid="case-import-result" aria-live="polite">
          <p className={result.committed ? 'notice notice-ok' : 'notice notice-error'}>
            {result.committed ? t('caseOrders.import.done') : t('caseOrders.import.refused')}
          </p>
          <ul className="plain-list">
            <li>{t('caseOrders.import.read', { n: formatNumber(result.rowsRead) })}</li>
            <li>{t('caseOrders.import.imported', { n: formatNumber(result.imported) })}</li>
            <li>{t('caseOrders.import.rejected', { n: formatNumber(result.rejected) })}</li>
            <li>{t('caseOrders.import.matched', { n: formatNumber(result.matched) })}</li>
            <li>{t('caseOrders.import.newPersons', { n: formatNumber(result.newPersons) })}</li>
          </ul>
          {result.errors.length > 0 && (
            <>
              <ReportRows entries={result.errors} testId="case-import-rejected" />
              <a className="btn" href={`/api/cases/imports/${result.importId}/errors`} download>
                {t('caseOrders.import.report')}
              </a>
            </>
          )}
        </section>
      )}
    </>
  );
}
