import type { z } from 'zod';
import { MAX_FILE_BYTES } from '../../core/import/file-limits.ts';
import type { uploadResponse } from '../../features/persons/web/index.ts';
import { uploadFile } from '../api.ts';

export { MAX_FILE_BYTES };

/** The answer of POST /api/persons/uploads. */
export type Upload = z.infer<typeof uploadResponse>;

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
