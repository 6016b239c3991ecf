import type { FastifyBaseLogger } from 'fastify'
import { sql, type Kysely } from 'kysely'
import webPush from 'web-push'
import type { Database } from '../db/schema.ts'
import type { VapidDetails } from './vapid-keys.ts'

/** What the service worker receives (encrypted end to end; the push service cannot read it). */
export interface PushPayload {
  id: string
  kind: string
  title: string
  body: string
  caseNumber: string | null
  /** The app path a click opens: the case, or the notification centre. */
  url: string
}

export interface PushSender {
  /**
   * Offers every pending notification to its citizen's subscriptions. Never throws; resolves when
   * everything stored (and committed) before the call has been offered.
   */
  drain(): Promise<void>
  /** Stops polling and waits for a drain under way. */
  close(): Promise<void>
}

export interface PushSenderOptions {
  db: Kysely<Database>
  vapid: () => Promise<VapidDetails>
  log: FastifyBaseLogger
  /** How long to wait for a push service (ms). */
  timeoutMs?: number
  /** How often pending rows are looked for without a signal (ms; 0: never). */
  pollMs?: number
  /** Notifications older than this when found are not pushed any more (ms). */
  maxAgeMs?: number
}

const BATCH = 50
/** Seconds a push service keeps a message for a device that is offline. */
const TTL_SECONDS = 24 * 60 * 60

export function pushPayload(row: { id: string; kind: string; title: string; body: string; case_number: string | null; link: string | null }): PushPayload {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    caseNumber: row.case_number,
    url: row.link ?? '/me/notifications',
  }
}

/** The push service's host only: endpoints carry a per-device token that is not logged. */
function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host
  } catch {
    return 'invalid endpoint'
  }
}

/**
 * Web Push delivery with the web-push library (VAPID JWT signed with the server's key; payload
 * encrypted aes128gcm, RFC 8291), sent with fetch so a timeout applies. A 404 or 410 from the push
 * service means the subscription is gone: it is deleted. Other failures are recorded on the
 * subscription; the notification itself stays in the citizen's notification centre either way.
 */
export function createPushSender({ db, vapid, log, timeoutMs = 10_000, pollMs = 60_000, maxAgeMs = 24 * 60 * 60 * 1000 }: PushSenderOptions): PushSender {
  let running: Promise<void> | null = null
  let again = false
  let closed = false

  async function deliver(
    subscription: { id: string; endpoint: string; keys: { p256dh: string; auth: string } },
    payload: PushPayload,
    vapidDetails: VapidDetails,
  ): Promise<void> {
    let failure: string
    try {
      const request = webPush.generateRequestDetails({ endpoint: subscription.endpoint, keys: subscription.keys }, JSON.stringify(payload), {
        vapidDetails,
        TTL: TTL_SECONDS,
        contentEncoding: 'aes128gcm',
        urgency: 'normal',
      })
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: request.body ? new Uint8Array(request.body) : null,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      })
      await response.body?.cancel()
      if (response.ok) {
        await db.updateTable('push_subscriptions').set({ failure_count: 0 }).where('id', '=', subscription.id).where('failure_count', '>', 0).execute()
        return
      }
      if (response.status === 404 || response.status === 410) {
        await db.deleteFrom('push_subscriptions').where('id', '=', subscription.id).execute()
        log.info({ pushService: endpointHost(subscription.endpoint), status: response.status }, 'push subscription gone, removed')
        return
      }
      failure = `HTTP ${response.status}`
    } catch (error) {
      failure = (error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message.slice(0, 200)
    }
    log.warn({ pushService: endpointHost(subscription.endpoint), failure }, 'push not delivered')
    await db
      .updateTable('push_subscriptions')
      .set({ last_failure_at: new Date(), last_failure: failure, failure_count: sql`failure_count + 1` })
      .where('id', '=', subscription.id)
      .execute()
  }

  async function drainOnce(): Promise<boolean> {
    // Claim a batch (another server process skips rows claimed here), then offer each.
    const claimed = await db
      .updateTable('notifications')
      .set({ push_pending: false })
      .where('id', 'in', (eb) =>
        eb.selectFrom('notifications').select('id').where('push_pending', '=', true).orderBy('created_at').limit(BATCH).forUpdate().skipLocked(),
      )
      .returning(['id', 'citizen_id', 'kind', 'case_number', 'link', 'title', 'body', 'created_at'])
      .execute()
    const fresh = claimed.filter((row) => Date.now() - row.created_at.getTime() <= maxAgeMs)
    const citizenIds = [...new Set(fresh.map((row) => row.citizen_id))]
    if (citizenIds.length > 0) {
      const vapidDetails = await vapid()
      const subscriptions = await db.selectFrom('push_subscriptions').select(['id', 'citizen_id', 'endpoint', 'keys']).where('citizen_id', 'in', citizenIds).execute()
      for (const row of fresh.sort((a, b) => a.created_at.getTime() - b.created_at.getTime())) {
        const payload = pushPayload(row)
        await Promise.all(subscriptions.filter((candidate) => candidate.citizen_id === row.citizen_id).map((subscription) => deliver(subscription, payload, vapidDetails)))
      }
    }
    return claimed.length === BATCH
  }

  function drain(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      try {
        do {
          again = false
          while (!closed && (await drainOnce()));
        } while (again && !closed)
      } catch (error) {
        log.error({ err: error }, 'push sender failed')
      } finally {
        running = null
      }
    })()
    return running
  }

  const timer = pollMs > 0 ? setInterval(() => void drain(), pollMs) : undefined
  timer?.unref()

  return {
    drain,
    async close() {
      if (timer) clearInterval(timer)
      await running
      closed = true
    },
  }
}
