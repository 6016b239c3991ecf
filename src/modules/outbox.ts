import type { AppModuleContext } from './types.ts'

/**
 * Replays writes left in the outbox from an earlier visit. Loaded after the first screen so
 * that Dexie and the outbox stay out of the entry chunk.
 */
export function install({ app }: AppModuleContext): void {
  void import('../stores/outbox.ts').then(({ useOutboxStore }) => app.runWithContext(() => useOutboxStore().start()))
}
