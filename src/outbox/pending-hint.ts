// A one-line note in localStorage that the outbox holds writes still to send, so a page load
// can tell without opening IndexedDB (and loading Dexie) whether there is anything to replay.
// Storage can be unavailable (some in-app browsers and private modes throw on access): then the
// note is skipped, and a page load replays the outbox as if there were something to send.
const PENDING_KEY = 'outbox.pending'

export function markOutboxPending(): void {
  try {
    localStorage.setItem(PENDING_KEY, '1')
  } catch {
    // Without storage the next page load replays anyway (outboxMayHavePending answers true).
  }
}

export function clearOutboxPending(): void {
  try {
    localStorage.removeItem(PENDING_KEY)
  } catch {
    // Nothing to clear where there is no storage.
  }
}

/** True when an earlier visit left writes to send, may have, or storage cannot tell. */
export function outboxMayHavePending(): boolean {
  try {
    return localStorage.getItem(PENDING_KEY) !== null
  } catch {
    return true
  }
}
