import type { ServiceItem } from '../../../contract/guides.ts'
import { escapeMarkup } from '../escape-markup.ts'

const appName = '昆都仑区政务服务'


/** The one-line description a shared link shows: who handles it, how long it takes, how many visits. */
export function shareDescription(item: ServiceItem): string {
  const { guide } = item
  const parts = [
    guide.implementingBody && `实施主体：${guide.implementingBody}`,
    guide.promisedTimeLimit && `承诺时限：${guide.promisedTimeLimit.text}`,
    guide.visitsRequired !== null && (guide.visitsRequired === 0 ? '到现场次数：0次（全程网办）' : `到现场次数：${guide.visitsRequired}次`),
    `事项编码：${item.code}`,
  ]
  return `${guide.name}办事指南。${parts.filter(Boolean).join('；')}。`
}

/**
 * The app shell with the item's title and description in its <head>, so a link shared in WeChat
 * or scanned from paper reads as the item before any script runs (第五条). Everything inserted
 * is HTML-escaped; the shell's own description and title are replaced, not duplicated.
 */
export function withShareMeta(shell: string, item: ServiceItem): string {
  const title = escapeMarkup(`${item.guide.name} - ${appName}`)
  const description = escapeMarkup(shareDescription(item))
  const tags = [
    `<title>${title}</title>`,
    `<meta name="description" content="${description}" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:url" content="${escapeMarkup(item.canonicalUrl)}" />`,
  ].join('\n    ')
  const withoutOwn = shell
    .replace(/[ \t]*<meta\s+(name="description"|property="og:[a-z]+")[^>]*>\s*\n?/gi, '')
    .replace(/<title>[\s\S]*?<\/title>/i, '\u0000')
  // Replacer functions: an item name with `$&` or `$1` in it must be inserted literally.
  if (withoutOwn.includes('\u0000')) return withoutOwn.replace('\u0000', () => tags)
  if (/<\/head>/i.test(withoutOwn)) return withoutOwn.replace(/<\/head>/i, () => `${tags}\n  </head>`)
  return `${tags}\n${withoutOwn}`
}

/**
 * The item as a JSON data block (`type="application/json"` is never executed, so the CSP's
 * `script-src 'self'` allows it), with the ETag the item route would answer. `<` is written as
 * \u003c so no text in a guide can close the element.
 */
export function embeddedItemTag(item: ServiceItem, etag: string): string {
  const json = JSON.stringify(item).replaceAll('<', '\\u003c')
  return `<script type="application/json" id="embedded-item" data-etag="${escapeMarkup(etag)}">${json}</script>`
}
