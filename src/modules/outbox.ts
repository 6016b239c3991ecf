import { outboxMayHavePending } from '../outbox/pending-hint.ts'
import type { AppModuleContext } from './types.ts'

/** Runs `task` once the browser is idle after the first screen (or after 2 s at the latest). */
function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(task, { timeout: 2000 })
  else setTimeout(task, 200)
}

/**
 * Replays writes an earlier visit left in the outbox. Only when there are some: otherwise Dexie
 * and the outbox load when a page first needs them (a new write starts the replay itself), and a
 * guide opened from a QR code downloads nothing it does not show.
 */
export function install({ app }: AppModuleContext): void {
  if (!outboxMayHavePending()) return
  whenIdle(() => void import('../stores/outbox.ts').then(({ useOutboxStore }) => app.runWithContext(() => useOutboxStore().start())))
}
