import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import { itemCodePattern } from '../../../contract/guides.ts'
import { findServiceItem } from '../guides/service-item.ts'
import { withShareMeta } from '../guides/share-meta.ts'

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
    // title and description already in it; an unknown code gets the plain shell.
    const itemCode = new RegExp(itemCodePattern)
    fastify.get<{ Params: { code: string } }>('/g/:code', { schema: { hide: true } }, async (request, reply) => {
      const { code } = request.params
      const item = itemCode.test(code) ? await findServiceItem(fastify.db, code) : undefined
      if (!item) return reply.sendFile('index.html')
      const shell = await readFile(`${absoluteRoot}/index.html`, 'utf8')
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(withShareMeta(shell, item))
    })
  },
  // Uses fastify.db only for /g/<code>, and only when an app is served: no declared dependency,
  // so an API-only app (tests of single plugins) can register it without a database.
  { name: 'static-files' },
)
