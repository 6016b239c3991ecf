import { ref, type Ref } from 'vue'
import { ApiError } from '../api/client.ts'
import { useAppStore } from './app.ts'
import { useSessionStore } from './session.ts'

// A citizen's things kept on the phone (我的办件, 我的投诉建议): the kept copy shows at once, then
// the server's when online; offline or without an answer the copy stays, marked stale. One
// mechanism for the list and for each one item, used by the cases and complaints stores.

/**
 * loading: nothing to show yet; ready: shown (from the phone or the server); unavailable: neither
 * kept on the phone nor reachable; not-found: the server has no such thing of this citizen.
 */
export type KeptLoadStatus = 'loading' | 'ready' | 'unavailable' | 'not-found'

/** One item as a page shows it. */
export interface KeptEntry<Detail> {
  detail: Detail | null
  /** When this copy was read from the server (ISO): the "离线，显示的是X时的…" shown. */
  fetchedAt: string | null
  status: KeptLoadStatus
  /** A refresh from the server is under way while the kept copy shows. */
  refreshing: boolean
  /** The last refresh failed (offline or no answer): the copy shown may be behind the server. */
  stale: boolean
}

/** A 401 means the session ended on the server: the session store then says nobody is signed in. */
async function noteRefusal(error: unknown, session: ReturnType<typeof useSessionStore>): Promise<void> {
  if (error instanceof ApiError && error.status === 401) await session.refresh()
}

/** A citizen's list, newest first: the copy on the phone first, then the server's. */
export function useKeptList<Summary>(source: {
  read(ownerId: string): Promise<{ items: Summary[]; listedAt: string | null }>
  fetch(): Promise<Summary[]>
  store(ownerId: string, items: Summary[], fetchedAt: string): Promise<void>
  /** After a fresh list is shown, e.g. reading the items that moved on. */
  refreshed?(ownerId: string, items: Summary[]): void
}) {
  const app = useAppStore()
  const session = useSessionStore()
  const items = ref<Summary[]>([]) as Ref<Summary[]>
  /** When the list was last read from the server (ISO); null if never on this phone. */
  const listedAt = ref<string | null>(null)
  const status = ref<KeptLoadStatus>('loading')
  /** A refresh is under way while the kept copy shows. */
  const refreshing = ref(false)
  /** The last refresh failed: what shows is the copy kept on the phone. */
  const stale = ref(false)
  let owner: string | null = null

  /** Shows the kept list of `ownerId` at once, then refreshes it from the server when online. */
  async function load(ownerId: string): Promise<void> {
    if (owner !== ownerId) {
      owner = ownerId
      items.value = []
      listedAt.value = null
      status.value = 'loading'
    }
    const cached = await source.read(ownerId)
    if (cached.listedAt) {
      items.value = cached.items
      listedAt.value = cached.listedAt
      status.value = 'ready'
    }
    if (!app.online) {
      stale.value = true
      if (!cached.listedAt) status.value = 'unavailable'
      return
    }
    refreshing.value = true
    try {
      const fetchedAt = new Date().toISOString()
      const fresh = await source.fetch()
      await source.store(ownerId, fresh, fetchedAt)
      if (owner !== ownerId) return
      items.value = fresh
      listedAt.value = fetchedAt
      status.value = 'ready'
      stale.value = false
      source.refreshed?.(ownerId, fresh)
    } catch (error) {
      await noteRefusal(error, session)
      stale.value = true
      if (!listedAt.value) status.value = 'unavailable'
    } finally {
      refreshing.value = false
    }
  }

  return { items, listedAt, status, refreshing, stale, load }
}

/**
 * Refreshes one item whose kept copy (if any) already shows in `entry`: the server's copy is kept
 * and shown; a 404 forgets the kept copy (not this citizen's, or gone); any other failure leaves
 * the copy shown, marked stale. Call it in a store's setup; it answers the refresh function.
 */
export function useKeptEntryRefresh() {
  const session = useSessionStore()
  return <Detail>(entry: KeptEntry<Detail>, source: { fetch(): Promise<Detail>; store(detail: Detail, fetchedAt: string): Promise<void>; forget(): Promise<void> }) =>
    refreshKeptEntry(entry, source, session)
}

async function refreshKeptEntry<Detail>(
  entry: KeptEntry<Detail>,
  source: { fetch(): Promise<Detail>; store(detail: Detail, fetchedAt: string): Promise<void>; forget(): Promise<void> },
  session: ReturnType<typeof useSessionStore>,
): Promise<void> {
  entry.refreshing = true
  try {
    const fetchedAt = new Date().toISOString()
    const detail = await source.fetch()
    await source.store(detail, fetchedAt)
    Object.assign(entry, { detail, fetchedAt, status: 'ready', stale: false })
  } catch (error) {
    await noteRefusal(error, session)
    if (error instanceof ApiError && error.status === 404) {
      await source.forget()
      Object.assign(entry, { detail: null, fetchedAt: null, status: 'not-found', stale: false })
    } else {
      entry.stale = true
      if (!entry.detail) entry.status = 'unavailable'
    }
  } finally {
    entry.refreshing = false
  }
}
