import { defineStore } from 'pinia'
import { computed, ref, toRaw } from 'vue'
import { addOutboxItem, deleteOutboxItem, observeOutboxItems, outboxStorage, type OutboxCompanionWrite } from '../db/outbox-storage.ts'
import { createOutboxSender } from '../outbox/sender.ts'
import { sendOutboxItem } from '../outbox/transports.ts'
import type { OutboxItem, OutboxWrite } from '../outbox/types.ts'
import { newIdempotencyKey } from '../outbox/idempotency-key.ts'
import { clearOutboxPending, markOutboxPending } from '../outbox/pending-hint.ts'

export const useOutboxStore = defineStore('outbox', () => {
  /** Every write on this phone, newest first, kept in step with IndexedDB (also when another tab sends). */
  const items = ref<OutboxItem[]>([])
  /** Writes the server has not acknowledged yet (待发送), including refused ones the citizen has not dismissed. */
  const unsentCount = computed(() => items.value.filter((item) => item.state !== 'sent').length)

  const sender = createOutboxSender({ storage: outboxStorage, transport: sendOutboxItem })
  let retryTimer: ReturnType<typeof setTimeout> | undefined

  // Backed-off items are retried when their time comes, as long as this tab is open.
  function scheduleRetry(): void {
    clearTimeout(retryTimer)
    const waiting = items.value.filter((item) => item.state === 'pending').map((item) => item.nextAttemptAt)
    if (waiting.length === 0) return
    retryTimer = setTimeout(() => void flush(), Math.max(0, Math.min(...waiting) - Date.now()))
  }

  observeOutboxItems((latest) => {
    items.value = latest
    if (latest.some((item) => item.state === 'pending' || item.state === 'sending')) markOutboxPending()
    else clearOutboxPending()
    scheduleRetry()
  })

  /** Sends whatever can be sent now; `ignoreBackoff` when the connection has just come back. */
  function flush(ignoreBackoff = false): Promise<void> {
    return sender.flush({ ignoreBackoff })
  }

  /**
   * Stores a write under a fresh idempotency key and starts sending it. Resolves with the
   * item's id once it is safely on the phone; follow its state with `itemById`. `companion` is
   * stored in the same transaction (e.g. the draft the write sends, marked sent).
   */
  async function enqueue(write: OutboxWrite, companion?: OutboxCompanionWrite): Promise<string> {
    // IndexedDB's structured clone cannot copy Vue's reactive proxies: store a plain copy.
    const body = structuredClone(toRaw(write.body))
    const item = {
      ...write,
      body,
      id: newIdempotencyKey(),
      state: 'pending',
      createdAt: new Date().toISOString(),
      attempts: 0,
      nextAttemptAt: 0,
      claimedAt: null,
      sentAt: null,
      error: null,
      response: null,
      // TypeScript cannot follow that `body` keeps the kind of `write` through the spread once
      // there are several kinds; it does, since both come from the same write.
    } as OutboxItem
    // Noted before the write is stored, so the next page load replays it even if this one ends now.
    markOutboxPending()
    await addOutboxItem(item, companion)
    // The first write of a page load starts the replay (with its online/visibility triggers).
    if (started) void flush(true)
    else start()
    return item.id
  }

  /** The write with this id as last seen in IndexedDB. */
  function itemById(id: string): OutboxItem | undefined {
    return items.value.find((item) => item.id === id)
  }

  /** Removes a sent or refused write from the list on this phone. */
  async function discard(id: string): Promise<void> {
    await deleteOutboxItem(id)
  }

  let started = false
  /** Replays waiting writes now, when the connection returns, and when the app is shown again. */
  function start(): void {
    if (started) return
    started = true
    window.addEventListener('online', () => void flush(true))
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void flush()
    })
    void flush()
  }

  return { items, unsentCount, enqueue, itemById, discard, flush, start }
})
