import { liveQuery, type Table } from 'dexie'
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

/**
 * Writes that belong with a new outbox item (e.g. its draft marked sent): stored in the same
 * IndexedDB transaction, so a tab closed in between leaves both or neither — never a draft that
 * is still a draft beside the write that sends it, which would let it be sent twice.
 */
export interface OutboxCompanionWrite {
  tables: Table[]
  write: (id: string) => Promise<void>
}

/** Stores a new write (with its companion write, if any); the caller then flushes. */
export async function addOutboxItem(item: OutboxItem, companion?: OutboxCompanionWrite): Promise<void> {
  if (!companion) {
    await db.outbox.add(item)
    return
  }
  await db.transaction('rw', [db.outbox, ...companion.tables], async () => {
    await db.outbox.add(item)
    await companion.write(item.id)
  })
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
