import { liveQuery } from 'dexie'
import { isSendable, type OutboxStorage } from '../outbox/sender.ts'
import type { OutboxItem } from '../outbox/types.ts'
import { db } from './app-db.ts'

/**
 * The outbox kept in IndexedDB. `claim` runs in a read-write transaction: IndexedDB runs
 * overlapping read-write transactions one after another, even across tabs, so only one
 * sender can move an item from pending to sending.
 */
export const outboxStorage: OutboxStorage = {
  async listSendable(now, ignoreBackoff) {
    const candidates = await db.outbox.where('state').anyOf('pending', 'sending').sortBy('createdAt')
    return candidates.filter((item) => isSendable(item, now, ignoreBackoff)).map((item) => item.id)
  },
  claim(id, now, ignoreBackoff) {
    return db.transaction('rw', db.outbox, async () => {
      const item = await db.outbox.get(id)
      if (!item || !isSendable(item, now, ignoreBackoff)) return null
      await db.outbox.update(id, { state: 'sending', claimedAt: now })
      return { ...item, state: 'sending', claimedAt: now }
    })
  },
  async settle(id, changes) {
    await db.outbox.update(id, changes)
  },
}

/** Stores a new write; the caller then flushes. */
export async function addOutboxItem(item: OutboxItem): Promise<void> {
  await db.outbox.add(item)
}

/** Removes a write the citizen no longer wants listed (sent or refused ones). */
export async function deleteOutboxItem(id: string): Promise<void> {
  await db.outbox.delete(id)
}

/**
 * Calls `onChange` with every write, newest first, now and whenever the outbox changes —
 * also when another tab sends an item. Returns the function that stops watching.
 */
export function observeOutboxItems(onChange: (items: OutboxItem[]) => void): () => void {
  const subscription = liveQuery(() => db.outbox.orderBy('createdAt').reverse().toArray()).subscribe({
    next: onChange,
  })
  return () => subscription.unsubscribe()
}
