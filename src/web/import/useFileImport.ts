import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statusOf } from '../api.ts';
import { MAX_FILE_BYTES, uploadTableFile } from './upload.ts';

export type ImportPhase = 'idle' | 'uploading' | 'importing' | 'mapping' | 'done';

/**
 * The state of an import wizard: the chosen file and what is wrong with it, the upload (sent once, reused by
 * every retry), the phase, the progress, the result and the error. `run` uploads if needed and then calls the
 * page's import request with the upload's id; `onError` may move the wizard to another phase (a mapping step).
 */
export function useFileImport<R>() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState('');
  const [phase, setPhase] = useState<ImportPhase>('idle');
  const [progress, setProgress] = useState({ loaded: 0, total: 0 });
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<unknown>(null);
  const uploaded = useRef<{ file: File; uploadId: string } | null>(null);

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

  const run = async (
    importUpload: (uploadId: string) => Promise<R>,
    onError?: (error: unknown, file: File) => Promise<ImportPhase>,
  ): Promise<R | null> => {
    if (!file || fileProblem) return null;
    setError(null);
    setResult(null);
    try {
      let uploadId = uploaded.current?.file === file ? uploaded.current.uploadId : null;
      if (!uploadId) {
        setPhase('uploading');
        setProgress({ loaded: 0, total: file.size });
        uploadId = (await uploadTableFile(file, (loaded, total) => setProgress({ loaded, total }))).uploadId;
        uploaded.current = { file, uploadId };
      }
      setPhase('importing');
      const answer = await importUpload(uploadId);
      setResult(answer);
      setPhase('done');
      return answer;
    } catch (e) {
      // An upload the server no longer has (restarted, cleaned): the next try sends the file again.
      if (statusOf(e) === 404) uploaded.current = null;
      setError(e);
      setPhase(onError ? await onError(e, file) : 'idle');
      return null;
    }
  };

  const busy = phase === 'uploading' || phase === 'importing';
  return { file, fileProblem, chooseFile, phase, setPhase, progress, result, error, setError, busy, run };
}
