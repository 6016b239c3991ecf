import { ApiError, NetworkError } from '../api/client.ts'
import type { OutboxItem, OutboxItemBase } from './types.ts'

/** What the sender needs from wherever the outbox is kept (IndexedDB in the app, memory in tests). */
export interface OutboxStorage {
  /** Ids of items that may be sent now, oldest first. */
  listSendable(now: number, ignoreBackoff: boolean): Promise<string[]>
  /**
   * Atomically marks the item as being sent by the caller and returns it; null when it is no
   * longer sendable (already sent, or claimed by another sender — in this tab or another).
   */
  claim(id: string, now: number, ignoreBackoff: boolean): Promise<OutboxItem | null>
  /** Records the outcome of a send. */
  settle(id: string, changes: Partial<OutboxItemBase> & { response?: OutboxItem['response'] }): Promise<void>
}

/** Sends one item's write and resolves with the server's answer; rejects with ApiError or NetworkError. */
export type OutboxTransport = (item: OutboxItem) => Promise<OutboxItem['response']>

/** A claim older than this belongs to a tab that closed or crashed mid-send; the server's idempotency makes a resend safe. */
export const STALE_CLAIM_MS = 60_000

/** Whether an item may be claimed at `now`. */
export function isSendable(item: OutboxItem, now: number, ignoreBackoff: boolean): boolean {
  if (item.state === 'pending') return ignoreBackoff || item.nextAttemptAt <= now
  if (item.state === 'sending') return item.claimedAt !== null && now - item.claimedAt > STALE_CLAIM_MS
  return false
}

/** 2 s, 4 s, 8 s … capped at 5 minutes, with jitter so many phones do not return at once. */
export function defaultBackoffMs(attempts: number): number {
  const base = Math.min(2_000 * 2 ** Math.max(0, attempts - 1), 300_000)
  return Math.round(base * (0.8 + Math.random() * 0.4))
}

/** Answers worth retrying: the server may accept the same write later. */
function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true
  return error instanceof ApiError && (error.status >= 500 || error.status === 408 || error.status === 429)
}

export interface OutboxSenderOptions {
  storage: OutboxStorage
  transport: OutboxTransport
  /** @default Date.now */
  now?: () => number
  /** Delay before retry number `attempts`. @default defaultBackoffMs */
  backoffMs?: (attempts: number) => number
}

/** Sends outbox items one at a time; safe to call from any trigger, as often as it likes. */
export function createOutboxSender(options: OutboxSenderOptions) {
  const { storage, transport, now = Date.now, backoffMs = defaultBackoffMs } = options

  async function send(id: string, ignoreBackoff: boolean): Promise<void> {
    const item = await storage.claim(id, now(), ignoreBackoff)
    if (!item) return
    try {
      const response = await transport(item)
      await storage.settle(id, {
        state: 'sent',
        response,
        sentAt: new Date(now()).toISOString(),
        claimedAt: null,
        error: null,
      })
    } catch (error) {
      const attempts = item.attempts + 1
      if (isRetryable(error)) {
        await storage.settle(id, { state: 'pending', attempts, nextAttemptAt: now() + backoffMs(attempts), claimedAt: null })
      } else {
        await storage.settle(id, {
          state: 'failed',
          attempts,
          claimedAt: null,
          error: error instanceof Error ? error.message : String(error),
          errorFields: error instanceof ApiError ? error.fieldErrors : [],
        })
      }
    }
  }

  let running: Promise<void> | null = null
  let runAgain = false
  let againIgnoresBackoff = false

  /**
   * Sends every sendable item. Calls made while a flush runs are folded into one more pass,
   * so triggers (start, online, visibility, enqueue) never send an item twice at once.
   */
  function flush(flushOptions: { ignoreBackoff?: boolean } = {}): Promise<void> {
    const ignoreBackoff = flushOptions.ignoreBackoff ?? false
    if (running) {
      runAgain = true
      againIgnoresBackoff ||= ignoreBackoff
      return running
    }
    running = (async () => {
      let pass = ignoreBackoff
      for (;;) {
        for (const id of await storage.listSendable(now(), pass)) await send(id, pass)
        if (!runAgain) break
        runAgain = false
        pass = againIgnoresBackoff
        againIgnoresBackoff = false
      }
    })().finally(() => {
      running = null
    })
    return running
  }

  return { flush }
}

export type OutboxSender = ReturnType<typeof createOutboxSender>
