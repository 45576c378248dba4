import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, statusOf, uploadFile } from '../../../web/api.ts';
import { ErrorNotice, useErrorText } from '../../../web/ErrorNotice.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { DirectivesTabs } from './DirectivesTabs.tsx';
import { DocumentReview } from './DocumentReview.tsx';
import { type ExtractedText, type LetterReading, MAX_UPLOAD_BYTES, parseLetter } from './directives-api.ts';
import './directives.css';

const ORIGINAL_TYPES = /\.(txt|docx|doc|pdf)$/i;

/**
 * /directives/new — journey 1: paste the letter (or pick its .txt, read here in the browser), "Phân tích",
 * then the review screen: the text beside what was understood, every field editable, how the tasks will be
 * assigned, and "Lưu".
 */
export function NewDocumentPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const errorText = useErrorText();
  useDocumentTitle(t('directives.new.title'));
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState('');
  const [parsed, setParsed] = useState<LetterReading | null>(null);
  const parse = useMutation({ mutationFn: parseLetter, onSuccess: setParsed });

  if (!can(user.role, 'directives.write'))
    return (
      <>
        <DirectivesTabs />
        <h1>{t('directives.new.title')}</h1>
        <p className="notice notice-error">{t('directives.new.noPermission')}</p>
      </>
    );

  if (parsed)
    return (
      <>
        <DirectivesTabs />
        <DocumentReview parsed={parsed} text={text} file={file} onBack={() => setParsed(null)} />
      </>
    );

  const chooseFile = async (chosen: File | null) => {
    setFileProblem('');
    parse.reset();
    if (!chosen) return setFile(null);
    if (!ORIGINAL_TYPES.test(chosen.name)) {
      setFile(null);
      return setFileProblem(t('directives.new.fileType'));
    }
    if (chosen.size > MAX_UPLOAD_BYTES) {
      setFile(null);
      return setFileProblem(t('directives.new.fileTooLarge'));
    }
    setFile(chosen);
    if (/\.txt$/i.test(chosen.name)) setText(await chosen.text());
    // A .docx is read on the server (mammoth); its text then goes through the same review as a paste.
    else if (/\.docx$/i.test(chosen.name))
      await uploadFile<ExtractedText>(
        '/api/directives/extract',
        chosen,
        { 'x-file-name': encodeURIComponent(chosen.name) },
        () => {},
      )
        .then((result) => setText(result.text))
        .catch((error: ApiError) => setFileProblem(error.message));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) parse.mutate(text);
  };

  const isTxt = file !== null && /\.(txt|docx)$/i.test(file.name);
  return (
    <>
      <DirectivesTabs />
      <h1>{t('directives.new.title')}</h1>
      <p className="muted import-intro">{t('directives.new.intro')}</p>
      <form className="card letter-form" onSubmit={submit}>
        <FormField id="letter-text" label={t('directives.new.text')}>
          {(aria) => (
            <textarea
              {...aria}
              className="letter-text"
              data-testid="letter-text"
              rows={14}
              spellCheck={false}
              placeholder={t('directives.new.textPlaceholder')}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                parse.reset();
              }}
            />
          )}
        </FormField>
        <FormField
          id="letter-file"
          label={t('directives.new.file')}
          optional={t('app.optional')}
          hint={t('directives.new.fileHint')}
          error={fileProblem || undefined}
        >
          {(aria) => (
            <input
              {...aria}
              type="file"
              data-testid="letter-file"
              accept=".txt,.docx,.doc,.pdf,text/plain"
              onChange={(e) => void chooseFile(e.target.files?.[0] ?? null)}
            />
          )}
        </FormField>
        {file && !isTxt && (
          <p className="notice notice-warn">{t('directives.new.fileNotText', { name: file.name })}</p>
        )}
        {file && isTxt && (
          <p className="hint file-name">{t('directives.new.fileKept', { name: file.name })}</p>
        )}
        {parse.isError &&
          (statusOf(parse.error) === 422 ? (
            <div className="notice notice-error" role="alert" data-testid="parse-error">
              {t('directives.new.cannotRead', { reason: errorText(parse.error) })}
            </div>
          ) : (
            <ErrorNotice error={parse.error} />
          ))}
        <div className="actions">
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="parse-button"
            disabled={parse.isPending || !text.trim()}
          >
            {parse.isPending ? t('directives.new.parsing') : t('directives.new.parse')}
          </button>
        </div>
      </form>
    </>
  );
}
