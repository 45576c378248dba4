import { AppError } from '../../core/errors.ts';
import { checkZip } from '../../core/zip-guard.ts';

const unreadable = (vi: string, en: string) => new AppError(422, 'unreadable_file', { vi, en });

/**
 * The text of an uploaded letter: .txt as UTF-8, .docx through mammoth (the text of its paragraphs, in
 * order). A PDF or an old .doc is kept as the original but cannot be read here: the user pastes its text.
 */
export async function extractLetterText(fileName: string, bytes: Buffer): Promise<string> {
  if (bytes.length === 0) throw unreadable('Tệp rỗng.', 'The file is empty.');
  const zip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (/\.docx$/i.test(fileName) || zip) {
    const notWord = () =>
      unreadable(
        'Tệp .docx bị hỏng hoặc không phải văn bản Word.',
        'The .docx file is damaged or not a Word document.',
      );
    // Sizes checked before mammoth inflates anything: a zip bomb is refused (413/422) and the server stays up.
    await checkZip(bytes).catch((error) => {
      throw error instanceof AppError && error.code === 'damaged_archive' ? notWord() : error;
    });
    // Loaded here: ≈ 0.1 s that every start of the server and the CLI would otherwise pay.
    const { default: mammoth } = await import('mammoth');
    try {
      return (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch {
      throw notWord();
    }
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-' || /\.(pdf|doc)$/i.test(fileName))
    throw unreadable(
      'Chưa đọc được nội dung tệp PDF/.doc: hãy sao chép và dán nội dung văn bản.',
      'PDF and .doc files cannot be read yet: copy and paste the text.',
    );
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw unreadable('Tệp văn bản không phải mã UTF-8.', 'The text file is not UTF-8.');
  }
}
