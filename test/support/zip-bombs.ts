import JSZip from 'jszip';

/**
 * Hostile .docx files, made here: a real Word file's parts plus one entry of zeros that deflates ~1000:1
 * (`bomb`), and one whose central directory claims a small size for an entry that inflates to more (`liar`).
 */
export async function docxBomb(inflatedBytes = 120 * 1024 * 1024): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('word/document.xml', Buffer.alloc(inflatedBytes));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

export async function lyingDocx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('word/document.xml', Buffer.alloc(64 * 1024, 0x41));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  // Central directory file header (PK\x01\x02): uncompressed size at offset 24; local header (PK\x03\x04) at 22.
  const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  bytes.writeUInt32LE(100, central + 24);
  bytes.writeUInt32LE(100, 22);
  return bytes;
}
