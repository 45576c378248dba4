import { MAX_FILE_BYTES } from '../../core/import/file-limits.ts';
import { uploadFile } from '../api.ts';

export { MAX_FILE_BYTES };

export interface Upload {
  uploadId: string;
  fileName: string;
  bytes: number;
}

/**
 * Every table import (persons, doses) sends its file once to the registry's upload route (raw body, with
 * progress), then names the upload in the import request: a retry with another mode or mapping sends nothing.
 */
export function uploadTableFile(file: File, onProgress: (loaded: number, total: number) => void) {
  return uploadFile<Upload>(
    '/api/persons/uploads',
    file,
    { 'x-file-name': encodeURIComponent(file.name) },
    onProgress,
  );
}
