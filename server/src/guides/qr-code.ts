import { renderSVG } from 'uqr'
import { escapeMarkup } from '../escape-markup.ts'

/**
 * The QR code of a guide's canonical URL as SVG, for the print view and the hall's paper guides
 * (第五条: same source, same publication). Error correction M survives a crease or a smudge on
 * paper; the quiet zone is the four modules the standard asks for. uqr: zero dependencies,
 * maintained, renders SVG directly. The URL is in the <title>, so the image is named by it.
 */
export function guideQrSvg(url: string): string {
  const svg = renderSVG(url, { ecc: 'M', border: 4 })
  return svg.replace(/^<svg([^>]*)>/, `<svg$1 role="img"><title>${escapeMarkup(url)}</title>`)
}
