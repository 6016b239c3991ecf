// A one-line note in localStorage that the outbox holds writes still to send, so a page load
// can tell without opening IndexedDB (and loading Dexie) whether there is anything to replay.
const PENDING_KEY = 'outbox.pending'

export function markOutboxPending(): void {
  localStorage.setItem(PENDING_KEY, '1')
}

export function clearOutboxPending(): void {
  localStorage.removeItem(PENDING_KEY)
}

/** True when an earlier visit left writes to send (or may have: the note is set before the write is stored). */
export function outboxMayHavePending(): boolean {
  return localStorage.getItem(PENDING_KEY) !== null
}
