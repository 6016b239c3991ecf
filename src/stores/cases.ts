import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CaseDetail, CaseSummary } from '../../contract/applications.ts'
import { fetchMyCase, fetchMyCases } from '../api/cases.ts'
import { forgetCachedCase, readCachedCase, readCachedCaseList, storeCase, storeCaseList } from '../db/case-cache.ts'
import { useAppStore } from './app.ts'
import { useKeptEntryRefresh, useKeptList, type KeptEntry, type KeptLoadStatus } from './kept-copies.ts'

export type CaseLoadStatus = KeptLoadStatus
export type CaseEntry = KeptEntry<CaseDetail>

export const useCasesStore = defineStore('cases', () => {
  const app = useAppStore()
  const refreshKeptEntry = useKeptEntryRefresh()

  /** The citizen's cases (我的办件), newest first: the copy on the phone first, then the server's. */
  const list = useKeptList<CaseSummary>({
    read: async (ownerId) => {
      const cached = await readCachedCaseList(ownerId)
      return { items: cached.cases, listedAt: cached.listedAt }
    },
    fetch: async () => (await fetchMyCases()).cases,
    store: storeCaseList,
    refreshed: (ownerId, cases) => void precacheCases(ownerId, cases),
  })
  /** Whole cases by case number, as far as they have been loaded. */
  const entries = ref<Record<string, CaseEntry>>({})

  function entryFor(caseNumber: string): CaseEntry {
    entries.value[caseNumber] ??= { detail: null, fetchedAt: null, status: 'loading', refreshing: false, stale: false }
    return entries.value[caseNumber]
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
    await refreshKeptEntry(entry, {
      fetch: () => fetchMyCase(caseNumber),
      store: (detail, fetchedAt) => storeCase(ownerId, detail, fetchedAt),
      forget: () => forgetCachedCase(ownerId, caseNumber),
    })
  }

  /** Takes a case the server answered with (e.g. to a correction response) as the current copy. */
  async function adoptCase(ownerId: string, detail: CaseDetail): Promise<void> {
    const fetchedAt = new Date().toISOString()
    await storeCase(ownerId, detail, fetchedAt)
    Object.assign(entryFor(detail.caseNumber), { detail, fetchedAt, status: 'ready', stale: false })
  }

  return {
    cases: list.items,
    listedAt: list.listedAt,
    listStatus: list.status,
    listRefreshing: list.refreshing,
    listStale: list.stale,
    entries,
    entryFor,
    loadList: list.load,
    loadCase,
    adoptCase,
  }
})
