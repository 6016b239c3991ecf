import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CaseDetail, CaseSummary } from '../../contract/applications.ts'
import { ApiError } from '../api/client.ts'
import { fetchMyCase, fetchMyCases } from '../api/cases.ts'
import { forgetCachedCase, readCachedCase, readCachedCaseList, storeCase, storeCaseList } from '../db/case-cache.ts'
import { useAppStore } from './app.ts'
import { useSessionStore } from './session.ts'

/**
 * loading: nothing to show yet; ready: shown (from the phone or the server);
 * unavailable: neither kept on the phone nor reachable; not-found: the server has no such case of this citizen.
 */
export type CaseLoadStatus = 'loading' | 'ready' | 'unavailable' | 'not-found'

export interface CaseEntry {
  detail: CaseDetail | null
  /** When this copy was read from the server (ISO): the "离线，显示的是X时的进度" shown. */
  fetchedAt: string | null
  status: CaseLoadStatus
  /** A refresh from the server is under way while the kept copy shows. */
  refreshing: boolean
  /** The last refresh failed (offline or no answer): the copy shown may be behind the server. */
  stale: boolean
}

export const useCasesStore = defineStore('cases', () => {
  const app = useAppStore()
  const session = useSessionStore()

  /** The citizen's cases (我的办件), newest first: the copy on the phone first, then the server's. */
  const cases = ref<CaseSummary[]>([])
  /** When the list was last read from the server (ISO); null if never on this phone. */
  const listedAt = ref<string | null>(null)
  /** Whether the list can be shown, see CaseLoadStatus. */
  const listStatus = ref<CaseLoadStatus>('loading')
  /** A refresh of the list is under way while the kept copy shows. */
  const listRefreshing = ref(false)
  /** The last refresh of the list failed: what shows is the copy kept on the phone. */
  const listStale = ref(false)
  /** Whole cases by case number, as far as they have been loaded. */
  const entries = ref<Record<string, CaseEntry>>({})
  let listOwner: string | null = null

  function entryFor(caseNumber: string): CaseEntry {
    entries.value[caseNumber] ??= { detail: null, fetchedAt: null, status: 'loading', refreshing: false, stale: false }
    return entries.value[caseNumber]
  }

  /** A 401 means the session ended on the server: the session store then says nobody is signed in. */
  async function noteRefusal(error: unknown): Promise<void> {
    if (error instanceof ApiError && error.status === 401) await session.refresh()
  }

  /** Shows the kept list of `ownerId` at once, then refreshes it from the server when online. */
  async function loadList(ownerId: string): Promise<void> {
    if (listOwner !== ownerId) {
      listOwner = ownerId
      cases.value = []
      listedAt.value = null
      listStatus.value = 'loading'
    }
    const cached = await readCachedCaseList(ownerId)
    if (cached.listedAt) {
      cases.value = cached.cases
      listedAt.value = cached.listedAt
      listStatus.value = 'ready'
    }
    if (!app.online) {
      listStale.value = true
      if (!cached.listedAt) listStatus.value = 'unavailable'
      return
    }
    listRefreshing.value = true
    try {
      const fetchedAt = new Date().toISOString()
      const answer = await fetchMyCases()
      await storeCaseList(ownerId, answer.cases, fetchedAt)
      if (listOwner !== ownerId) return
      cases.value = answer.cases
      listedAt.value = fetchedAt
      listStatus.value = 'ready'
      listStale.value = false
      void precacheCases(ownerId, answer.cases)
    } catch (error) {
      await noteRefusal(error)
      listStale.value = true
      if (!listedAt.value) listStatus.value = 'unavailable'
    } finally {
      listRefreshing.value = false
    }
  }

  /**
   * Reads the whole of each listed case that moved on since the phone last read it (or never was),
   * so that every case opens offline later with its latest step; best effort, one at a time.
   */
  async function precacheCases(ownerId: string, summaries: CaseSummary[]): Promise<void> {
    for (const summary of summaries) {
      const kept = await readCachedCase(ownerId, summary.caseNumber)
      if (kept && kept.detail.status === summary.status && kept.detail.timeline.length > 0) continue
      if (entries.value[summary.caseNumber]?.refreshing || !app.online) continue
      try {
        const fetchedAt = new Date().toISOString()
        const detail = await fetchMyCase(summary.caseNumber)
        await storeCase(ownerId, detail, fetchedAt)
        const entry = entries.value[summary.caseNumber]
        if (entry) Object.assign(entry, { detail, fetchedAt, status: 'ready', stale: false })
      } catch {
        // A case that fails here is read again when it is opened.
      }
    }
  }

  /** Shows the kept case at once, then refreshes it from the server when online. */
  async function loadCase(ownerId: string, caseNumber: string): Promise<void> {
    const entry = entryFor(caseNumber)
    const cached = await readCachedCase(ownerId, caseNumber)
    if (cached && !entry.detail) Object.assign(entry, { detail: cached.detail, fetchedAt: cached.fetchedAt, status: 'ready' })
    if (!app.online) {
      entry.stale = true
      if (!entry.detail) entry.status = 'unavailable'
      return
    }
    entry.refreshing = true
    try {
      const fetchedAt = new Date().toISOString()
      const detail = await fetchMyCase(caseNumber)
      await storeCase(ownerId, detail, fetchedAt)
      Object.assign(entry, { detail, fetchedAt, status: 'ready', stale: false })
    } catch (error) {
      await noteRefusal(error)
      if (error instanceof ApiError && error.status === 404) {
        await forgetCachedCase(ownerId, caseNumber)
        Object.assign(entry, { detail: null, fetchedAt: null, status: 'not-found', stale: false })
      } else {
        entry.stale = true
        if (!entry.detail) entry.status = 'unavailable'
      }
    } finally {
      entry.refreshing = false
    }
  }

  /** Takes a case the server answered with (e.g. to a correction response) as the current copy. */
  async function adoptCase(ownerId: string, detail: CaseDetail): Promise<void> {
    const fetchedAt = new Date().toISOString()
    await storeCase(ownerId, detail, fetchedAt)
    Object.assign(entryFor(detail.caseNumber), { detail, fetchedAt, status: 'ready', stale: false })
  }

  return { cases, listedAt, listStatus, listRefreshing, listStale, entries, entryFor, loadList, loadCase, adoptCase }
})
