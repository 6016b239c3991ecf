/** Longest name kept, in characters, extension included. */
const maxNameLength = 120

/**
 * The name an upload is kept under: the X-File-Name header decoded (percent-encoded UTF-8), path
 * parts and control characters removed, with the extension of the type its content really is
 * (a .pdf name on PNG bytes becomes .png). null when the header does not decode.
 */
export function uploadFileName(header: string | string[] | undefined, extension: string): string | null {
  if (typeof header !== 'string') return null
  let decoded: string
  try {
    decoded = decodeURIComponent(header)
  } catch {
    return null
  }
  const base = decoded
    .split(/[/\\]/)
    .at(-1)!
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
  const kept = [...(base === '' ? '材料' : base)].slice(0, maxNameLength - extension.length).join('')
  return `${kept}${extension}`
}
