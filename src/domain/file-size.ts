// How a downloadable file is described next to its link: its size and kind, as citizens know them.

/** A size in bytes as `12 KB` / `1.4 MB` (1024-based, like phones' file managers show them). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  const megabytes = bytes / (1024 * 1024)
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} MB`
}

/** The kind of document a citizen recognises (PDF, Word, Excel, 图片), or null when none fits. */
export function fileKind(mediaType: string, fileName = ''): 'pdf' | 'word' | 'excel' | 'image' | null {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? ''
  if (mediaType === 'application/pdf' || extension === 'pdf') return 'pdf'
  if (mediaType.includes('wordprocessingml') || mediaType === 'application/msword' || ['doc', 'docx'].includes(extension)) return 'word'
  if (mediaType.includes('spreadsheetml') || mediaType === 'application/vnd.ms-excel' || ['xls', 'xlsx'].includes(extension)) return 'excel'
  if (mediaType.startsWith('image/')) return 'image'
  return null
}
