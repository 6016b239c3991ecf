import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import { itemCodePattern } from '../../../contract/guides.ts'
import { findServiceItem, serviceItemETag } from '../guides/service-item.ts'
import { embeddedItemTag, withShareMeta } from '../guides/share-meta.ts'
import { guidePrerenderer } from '../static/guide-prerender.ts'
import { routePreloadTags } from '../static/route-preloads.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers with the PWA's index.html (history fallback); null when no built app is served. */
    sendAppShell: ((reply: FastifyReply) => FastifyReply) | null
  }
}

/** Files the browser must revalidate on every load, or an update would never reach the phone. */
const revalidated = /(^|\/)(index\.html|sw\.js|registerSW\.js|workbox-[\w-]+\.js|manifest\.webmanifest)$/

/**
 * Serves the built PWA. Vite puts content-hashed files under /assets/, which never change and
 * are cached for a year; everything else (index.html, the service worker) is revalidated.
 */
export default fp<{ root: string }>(
  async (fastify, { root }) => {
    const absoluteRoot = resolve(root)
    if (!existsSync(`${absoluteRoot}/index.html`)) {
      fastify.log.warn({ staticDir: absoluteRoot }, 'No built web app found (run `npm run build`); serving the API only')
      fastify.decorate('sendAppShell', null)
      return
    }
    await fastify.register(fastifyStatic, {
      root: absoluteRoot,
      cacheControl: false,
      setHeaders(reply, filePath) {
        const relative = filePath.slice(absoluteRoot.length).replaceAll('\\', '/')
        if (relative.startsWith('/assets/') && !revalidated.test(relative)) {
          reply.header('cache-control', 'public, max-age=31536000, immutable')
        } else {
          reply.header('cache-control', 'no-cache')
        }
      },
    })
    fastify.decorate('sendAppShell', (reply: FastifyReply) => reply.sendFile('index.html'))

    // A guide's short URL (/g/<code>, printed as a QR code) answers the shell with the item's
    // title and description already in it; an unknown code gets the plain shell. For a cold open
    // from paper the HTML also carries the item itself, as GET /api/v1/items/{code} answers it,
    // and its first screen rendered on the server (src/entry-server.ts), so the guide reads
    // before any script has run, and without scripts at all. Without a render bundle the page
    // instead starts fetching the guide page's code with the HTML.
    const itemCode = new RegExp(itemCodePattern)
    const guidePagePreloads = routePreloadTags(absoluteRoot, 'src/pages/GuidePage.vue')
    const prerender = await guidePrerenderer(absoluteRoot, fastify.log)
    fastify.get<{ Params: { code: string } }>('/g/:code', { schema: { hide: true } }, async (request, reply) => {
      const { code } = request.params
      const item = itemCode.test(code) ? await findServiceItem(fastify.db, code) : undefined
      if (!item) return reply.sendFile('index.html')
      const shell = await readFile(`${absoluteRoot}/index.html`, 'utf8')
      const etag = serviceItemETag(item)
      const appMarkup = prerender ? await prerender(item, etag) : null
      const withApp = appMarkup === null ? shell : paintFirst(shell.replace('<div id="app"></div>', () => `<div id="app">${appMarkup}</div>`))
      const html = withHeadTags(withShareMeta(withApp, item), [embeddedItemTag(item, etag), ...(appMarkup === null ? guidePagePreloads : [])])
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html)
    })
  },
  // Uses fastify.db only for /g/<code>, and only when an app is served: no declared dependency,
  // so an API-only app (tests of single plugins) can register it without a database.
  { name: 'static-files' },
)

/** Adds tags at the end of the shell's <head>. */
function withHeadTags(shell: string, tags: string[]): string {
  if (tags.length === 0) return shell
  return shell.replace(/<\/head>/i, () => `  ${tags.join('\n    ')}\n  </head>`)
}

/**
 * For a page the server rendered: the app's entry script gives way to public/paint-first.js,
 * which starts it after the first paint, and the modulepreloads go, so that nothing but the HTML
 * and its CSS stands before that paint on a slow connection.
 */
function paintFirst(html: string): string {
  return html
    .replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/, (_tag, entry: string) => `<script type="module" src="/paint-first.js" data-app-entry="${entry}"></script>`)
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
}
