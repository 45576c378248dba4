import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { sentName, shrinkPhoto } from './attachment.ts';
import { fileToBase64 } from './directive-format.ts';
import { MAX_UPLOAD_BYTES, type UploadBody } from './directives-api.ts';

export interface ReportInput {
  text: string;
  percent: number;
  done: boolean;
  attachment: UploadBody | null;
}

interface Props {
  /** Opened by "Báo cáo hoàn thành": done, 100 %. */
  done: boolean;
  saving: boolean;
  error: unknown;
  onSubmit: (input: ReportInput) => void;
  onCancel: () => void;
}

const ATTACHMENT_TYPES = /\.(jpe?g|png|pdf|docx?|txt)$/i;

/** A progress report: a short text, the percent done, optionally a photo of the minutes; or "done". */
export function ReportForm({ done: initiallyDone, saving, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [done, setDone] = useState(initiallyDone);
  const [percent, setPercent] = useState(initiallyDone ? '100' : '');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState('');
  const [preparing, setPreparing] = useState(false);

  const chooseFile = (chosen: File | null) => {
    setFileProblem('');
    setFile(null);
    if (!chosen) return;
    if (!ATTACHMENT_TYPES.test(chosen.name)) return setFileProblem(t('directives.report.fileType'));
    if (chosen.size > MAX_UPLOAD_BYTES && !/^image\//.test(chosen.type))
      return setFileProblem(t('directives.report.fileTooLarge'));
    setFile(chosen);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setPreparing(true);
    try {
      let attachment: UploadBody | null = null;
      if (file) {
        const sent = await shrinkPhoto(file);
        if (sent.size > MAX_UPLOAD_BYTES) return setFileProblem(t('directives.report.fileTooLarge'));
        attachment = { name: sentName(file, sent), contentBase64: await fileToBase64(sent) };
      }
      const value = percent === '' ? (done ? 100 : 0) : Math.min(100, Number(percent));
      onSubmit({ text: text.trim(), percent: value, done, attachment });
    } finally {
      setPreparing(false);
    }
  };

  const busy = saving || preparing;
  return (
    <form className="inline-form report-form" onSubmit={(e) => void submit(e)} data-testid="report-form">
      <h3>{done ? t('directives.report.titleDone') : t('directives.report.titleProgress')}</h3>
      {error ? <ErrorNotice error={error} /> : null}
      <FormField id="report-text" label={t('directives.report.text')} hint={t('directives.report.textHint')}>
        {(aria) => (
          <textarea
            {...aria}
            data-testid="report-text"
            rows={4}
            required
            maxLength={5000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
      <div className="field-pair">
        <FormField id="report-percent" label={t('directives.report.percent')}>
          {(aria) => (
            <input
              {...aria}
              className="field-percent"
              data-testid="report-percent"
              inputMode="numeric"
              maxLength={3}
              value={percent}
              onChange={(e) => setPercent(e.target.value.replace(/\D/g, ''))}
            />
          )}
        </FormField>
        <div className="field field-grow">
          <label className="check">
            <input
              type="checkbox"
              data-testid="report-done"
              checked={done}
              onChange={(e) => {
                setDone(e.target.checked);
                if (e.target.checked) setPercent('100');
              }}
            />
            {t('directives.report.done')}
          </label>
        </div>
      </div>
      <FormField
        id="report-file"
        label={t('directives.report.attachment')}
        optional={t('app.optional')}
        hint={t('directives.report.attachmentHint')}
        error={fileProblem || undefined}
      >
        {(aria) => (
          <input
            {...aria}
            type="file"
            data-testid="report-file"
            accept="image/jpeg,image/png,.jpg,.jpeg,.png,.pdf,.doc,.docx,.txt"
            onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
          />
        )}
      </FormField>
      <FormActions
        label={t('directives.report.submit')}
        saving={busy}
        savingLabel={t('directives.report.sending')}
        disabled={!text.trim()}
        testId="report-submit"
        onCancel={onCancel}
        cancelDisabled={busy}
      />
    </form>
  );
}
