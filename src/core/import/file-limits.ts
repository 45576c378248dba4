/**
 * Files above this size are refused before reading: a commune list is a few MB; 1,000,000 rows ≈ 70 MB of CSV.
 * Shared by the server's reader and the upload form, which refuses such a file before sending it.
 */
export const MAX_FILE_BYTES = 150 * 1024 * 1024;
