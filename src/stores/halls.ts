import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Hall, HallSummary } from '../../contract/halls.ts'
import { ApiError } from '../api/client.ts'
import { fetchHall, fetchHallList } from '../api/halls.ts'
import { markHallCurrent, markHallListCurrent, readCachedHall, readCachedHallList, storeHall, storeHallList } from '../db/halls-cache.ts'
import { useAppStore } from './app.ts'

/**
 * loading: nothing to show yet; ready: shown (from the phone or the server);
 * unavailable: neither saved on the phone nor reachable; not-found: the server has no such hall.
 */
export type HallLoadStatus = 'loading' | 'ready' | 'unavailable' | 'not-found'

export interface HallEntry {
  hall: Hall | null
  /** When this copy was fetched from the server (ISO) — the "最后更新" shown. */
  fetchedAt: string | null
  status: HallLoadStatus
  /** A refresh from the server is under way while the saved copy shows. */
  refreshing: boolean
}

export const useHallsStore = defineStore('halls', () => {
  const app = useAppStore()

  /** The district's halls in published order: the saved copy first, then the server's. */
  const summaries = ref<HallSummary[]>([])
  /** When the hall list was last fetched from the server (ISO); null if never on this phone. */
  const listSyncedAt = ref<string | null>(null)
  /** Whether the list can be shown, see HallLoadStatus. */
  const listStatus = ref<HallLoadStatus>('loading')
  /** A refresh of the list is under way while the saved copy shows. */
  const listRefreshing = ref(false)
  /** Full halls by id, as far as they have been loaded. */
  const entries = ref<Record<string, HallEntry>>({})

  function entryFor(id: string): HallEntry {
    entries.value[id] ??= { hall: null, fetchedAt: null, status: 'loading', refreshing: false }
    return entries.value[id]
  }

  /** Shows the saved list at once, then refreshes it (and every hall's details) when online. */
  async function loadHallList(): Promise<void> {
    const cached = await readCachedHallList()
    if (cached.records.length > 0) {
      summaries.value = cached.records.map((record) => record.summary)
      listSyncedAt.value = cached.syncedAt
      listStatus.value = 'ready'
    }
    if (!app.online) {
      if (cached.records.length === 0) listStatus.value = 'unavailable'
      return
    }
    listRefreshing.value = true
    try {
      const fetchedAt = new Date().toISOString()
      const answer = await fetchHallList(cached.etag)
      if (answer.status === 'unchanged') {
        await markHallListCurrent(fetchedAt)
      } else {
        await storeHallList(answer.body.halls, fetchedAt, answer.etag)
        summaries.value = answer.body.halls
      }
      listSyncedAt.value = fetchedAt
      listStatus.value = 'ready'
      void precacheHalls(summaries.value.map((hall) => hall.id))
    } catch {
      // The saved list (if any) keeps showing with its own "最后更新"; nothing else to do offline.
      if (summaries.value.length === 0) listStatus.value = 'unavailable'
    } finally {
      listRefreshing.value = false
    }
  }

  /** Fetches every listed hall's details so that each opens offline later; best effort, one at a time. */
  async function precacheHalls(ids: string[]): Promise<void> {
    for (const id of ids) {
      if (entries.value[id]?.refreshing) continue
      try {
        const fetchedAt = new Date().toISOString()
        const record = await refreshHall(id, fetchedAt)
        if (record?.detail) Object.assign(entryFor(id), { hall: record.detail, fetchedAt, status: 'ready' })
      } catch {
        // A hall that fails here is fetched again when its page is opened.
      }
    }
  }

  /**
   * Asks the server for a hall with the ETag of the copy on the phone: a 304 only marks the copy
   * current, so a phone that lists halls often downloads them only when they change.
   */
  async function refreshHall(id: string, fetchedAt: string) {
    const cached = await readCachedHall(id)
    const answer = await fetchHall(id, cached?.detail ? (cached.detailETag ?? null) : null)
    if (answer.status === 'unchanged') return await markHallCurrent(id, fetchedAt)
    return await storeHall(answer.body, fetchedAt, answer.etag)
  }

  /** Shows the saved hall at once, then refreshes it from the server when online. */
  async function loadHall(id: string): Promise<void> {
    const entry = entryFor(id)
    const cached = await readCachedHall(id)
    if (cached?.detail) Object.assign(entry, { hall: cached.detail, fetchedAt: cached.detailFetchedAt, status: 'ready' })
    if (!app.online) {
      if (!entry.hall) entry.status = 'unavailable'
      return
    }
    entry.refreshing = true
    try {
      const fetchedAt = new Date().toISOString()
      const record = await refreshHall(id, fetchedAt)
      if (record?.detail) Object.assign(entry, { hall: record.detail, fetchedAt, status: 'ready' })
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) Object.assign(entry, { hall: null, status: 'not-found' })
      else if (!entry.hall) entry.status = 'unavailable'
    } finally {
      entry.refreshing = false
    }
  }

  return { summaries, listSyncedAt, listStatus, listRefreshing, entries, entryFor, loadHallList, loadHall }
})
