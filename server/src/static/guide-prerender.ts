import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import type { FastifyBaseLogger } from 'fastify'
import type { ServiceItem } from '../../../contract/guides.ts'

/** What the build's server-side render bundle (src/entry-server.ts) exports. */
interface GuideRenderer {
  renderGuidePage(item: ServiceItem): Promise<string>
}

/** Rendered guides kept in memory, by ETag: a guide changes only when it is published again. */
const CACHED_GUIDES = 200

/**
 * Renders a guide's first screen on the server with the app's own components, for the HTML of
 * /g/<code>. Null when the build has no render bundle (dist/.ssr), in which case the page is the
 * plain shell, as before. A render that fails is logged and the page is served without it: the
 * app renders the guide itself.
 */
export async function guidePrerenderer(
  staticRoot: string,
  log: FastifyBaseLogger,
): Promise<((item: ServiceItem, etag: string) => Promise<string | null>) | null> {
  const bundle = `${staticRoot}/.ssr/entry-server.js`
  if (!existsSync(bundle)) return null
  let renderer: GuideRenderer
  try {
    renderer = (await import(pathToFileURL(bundle).href)) as GuideRenderer
  } catch (error) {
    log.error({ err: error, bundle }, 'The server-side render bundle does not load; guides are served without it')
    return null
  }
  const rendered = new Map<string, string>()
  return async (item, etag) => {
    const cached = rendered.get(etag)
    if (cached !== undefined) return cached
    try {
      // Vant writes empty style attributes; in HTML the CSP (style-src 'self') refuses any.
      const html = (await renderer.renderGuidePage(item)).replaceAll(' style=""', '')
      if (rendered.size >= CACHED_GUIDES) rendered.delete(rendered.keys().next().value!)
      rendered.set(etag, html)
      return html
    } catch (error) {
      log.error({ err: error, item: item.code }, 'Server-side render of a guide failed; serving the shell without it')
      return null
    }
  }
}
