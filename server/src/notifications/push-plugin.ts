import fp from 'fastify-plugin'
import { onNotificationStored } from './notify-citizen.ts'
import { createPushSender, type PushSender } from './push-sender.ts'
import { loadVapidDetails, type VapidDetails } from './vapid-keys.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's VAPID keys (the public one is what browsers subscribe with), loaded or generated on first use. */
    vapidDetails(): Promise<VapidDetails>
    /** Sends pending notifications as Web Push; `drain()` after a commit outside a request. */
    pushSender: PushSender
  }
}

/**
 * Web Push after commit: notifyCitizen signals that it stored a row; once the request that did it
 * has answered (its transaction committed), the sender offers the pending rows to the citizen's
 * subscriptions. Rows stored outside a request are found by polling. A push never delays or fails
 * the request.
 */
export default fp(
  async (fastify) => {
    // Loaded on first use, so building the app (e.g. to write openapi.json) writes no keys.
    let vapid: Promise<VapidDetails> | undefined
    const vapidDetails = (): Promise<VapidDetails> => {
      vapid ??= loadVapidDetails(fastify.config).catch((error: unknown) => {
        vapid = undefined
        throw error
      })
      return vapid
    }
    const sender = createPushSender({ db: fastify.db, vapid: vapidDetails, log: fastify.log })
    fastify.decorate('vapidDetails', vapidDetails)
    fastify.decorate('pushSender', sender)

    let stored = false
    const unsubscribe = onNotificationStored(() => {
      stored = true
    })
    fastify.addHook('onResponse', async () => {
      if (!stored) return
      stored = false
      void sender.drain()
    })
    fastify.addHook('onClose', async () => {
      unsubscribe()
      await sender.close()
    })
  },
  { name: 'push', dependencies: ['db'] },
)
