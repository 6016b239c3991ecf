import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyReply } from 'fastify'
import fp from 'fastify-plugin'

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
  },
  { name: 'static-files' },
)
