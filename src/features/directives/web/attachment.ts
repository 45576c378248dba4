/** A photo of the minutes, shrunk in the browser before it goes up a slow link; other files as they are. */

const MAX_SIDE = 1600;
const SHRINK_ABOVE = 600 * 1024;

export async function shrinkPhoto(file: File): Promise<Blob> {
  if (!/^image\/(jpeg|png)$/.test(file.type) || file.size <= SHRINK_ABOVE) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
    return blob && blob.size < file.size ? blob : file;
  } catch {
    return file; // A browser without createImageBitmap or canvas: send the original.
  }
}

/** The name to send with a shrunk photo: a JPEG now, whatever it was. */
export function sentName(file: File, sent: Blob): string {
  if (sent === file) return file.name;
  return `${file.name.replace(/\.[^.]+$/, '')}.jpg`;
}
