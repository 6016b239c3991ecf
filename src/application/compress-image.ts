// Photos from a phone's camera are 3–12 MB; the server takes images up to 5 MB, and a slow 4G
// link takes far longer for them. Images are made at most 2000 px on their long side and saved as
// JPEG (PNG and WebP screenshots above 1 MB too) before they are kept and uploaded; PDFs go as they
// are. compressorjs (MIT, maintained, ~5 KB gzip) corrects the EXIF rotation while it redraws;
// it loads with the first photo, never with a page.

const RESIZABLE = new Set(['image/jpeg', 'image/png', 'image/webp'])

/** The file to upload for `file`: a smaller JPEG for photos, the file itself otherwise or when compression fails. */
export async function compressForUpload(file: File): Promise<File> {
  if (!RESIZABLE.has(file.type)) return file
  try {
    const { default: Compressor } = await import('compressorjs')
    const blob = await new Promise<Blob>((resolve, reject) => {
      new Compressor(file, {
        quality: 0.75,
        maxWidth: 2000,
        maxHeight: 2000,
        convertTypes: ['image/png', 'image/webp'],
        convertSize: 1_000_000,
        success: resolve,
        error: reject,
      })
    })
    if (blob.size >= file.size && blob.type === file.type) return file
    const name = blob.type === 'image/jpeg' ? file.name.replace(/\.(png|webp|jpe?g)$/i, '') + '.jpg' : file.name
    return new File([blob], name, { type: blob.type, lastModified: file.lastModified })
  } catch {
    // A picture the browser cannot draw (an odd format) still goes as it is; the server judges it.
    return file
  }
}
