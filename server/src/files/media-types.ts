// The kinds of file the server stores (blank and sample forms, result samples, later uploaded
// materials and photos), each with its size limit and how to recognise it from its first bytes:
// a name ending in .pdf proves nothing, so a file whose content is not what its type says is refused.

export interface StoredMediaType {
  mediaType: string
  extensions: readonly string[]
  /** Largest accepted file of this type, in bytes. */
  maxBytes: number
  /** Whether `bytes` really are a file of this type. */
  matches(bytes: Uint8Array): boolean
}

const MiB = 1024 * 1024

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, index) => bytes[index] === byte)
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))
const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])

/** Whether a ZIP names an entry starting with `prefix` (local headers carry names in plain text). */
function zipHasEntry(bytes: Uint8Array, prefix: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(prefix, 0, 'latin1')
}

export const storedMediaTypes: readonly StoredMediaType[] = [
  { mediaType: 'application/pdf', extensions: ['.pdf'], maxBytes: 10 * MiB, matches: (bytes) => startsWith(bytes, ascii('%PDF-')) },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    maxBytes: 10 * MiB,
    matches: (bytes) => isZip(bytes) && zipHasEntry(bytes, 'word/'),
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
    maxBytes: 10 * MiB,
    matches: (bytes) => isZip(bytes) && zipHasEntry(bytes, 'xl/'),
  },
  { mediaType: 'image/png', extensions: ['.png'], maxBytes: 5 * MiB, matches: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mediaType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], maxBytes: 5 * MiB, matches: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]) },
  {
    mediaType: 'image/webp',
    extensions: ['.webp'],
    maxBytes: 5 * MiB,
    // RIFF container: "RIFF", four bytes of length, then "WEBP".
    matches: (bytes) => startsWith(bytes, ascii('RIFF')) && startsWith(bytes.subarray(8), ascii('WEBP')),
  },
]

export function storedMediaType(mediaType: string): StoredMediaType | undefined {
  return storedMediaTypes.find((type) => type.mediaType === mediaType)
}

/** The type a file name's extension stands for, if it is one we store. */
export function mediaTypeOfFileName(fileName: string): StoredMediaType | undefined {
  const lower = fileName.toLowerCase()
  return storedMediaTypes.find((type) => type.extensions.some((extension) => lower.endsWith(extension)))
}

/** The type the content itself shows, if it is one we store. */
export function sniffMediaType(bytes: Uint8Array): StoredMediaType | undefined {
  return storedMediaTypes.find((type) => type.matches(bytes))
}

/** Whether a browser can show the type itself (PDF viewer, image), for `?inline=1` previews. */
export function isPreviewable(mediaType: string): boolean {
  return mediaType === 'application/pdf' || mediaType.startsWith('image/')
}
