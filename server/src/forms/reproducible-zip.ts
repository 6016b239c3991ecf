import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { formsDate } from './form-definition.ts'

/**
 * Rewrites an Office document (a ZIP) with fixed entry times and fixed creation dates in
 * docProps/core.xml, so regenerating a form gives identical bytes: the libraries stamp "now".
 */
export function reproducibleOfficeZip(bytes: Uint8Array): Buffer {
  const entries = unzipSync(bytes)
  const stamp = formsDate.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const zippable: Zippable = {}
  for (const name of Object.keys(entries).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : 1))) {
    let content = entries[name]!
    if (name === 'docProps/core.xml') {
      content = strToU8(strFromU8(content).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`))
    }
    zippable[name] = [content, { mtime: formsDate, level: 9 }]
  }
  return Buffer.from(zipSync(zippable))
}
