import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Audience, CatalogueEntry, Department, Theme } from '../../contract/guides.ts'
import { fetchCatalogueChanges } from '../api/catalogue.ts'
import { buildSearchIndex, searchCatalogue } from '../domain/catalogue-search.ts'
import { useAppStore } from './app.ts'

/** loading: nothing to show yet; ready: shown; unavailable: never synced on this phone and offline. */
export type CatalogueStatus = 'loading' | 'ready' | 'unavailable'

/** What the 办事 page narrows the catalogue by; every field optional. */
export interface CatalogueFilter {
  query?: string
  audience?: Audience
  themeId?: string
  departmentId?: string
  limit?: number
}

export const useCatalogueStore = defineStore('catalogue', () => {
  const app = useAppStore()

  /** The catalogue index, hot items first (shallow: 2,000 entries need no deep reactivity). */
  const entries = shallowRef<CatalogueEntry[]>([])
  /** Departments as the feed lists them. */
  const departments = ref<Department[]>([])
  /** Themes and life events (主题 / 人生事件), each for 个人 or 法人. */
  const themes = ref<Theme[]>([])
  /** When the index was last synced with the server (ISO); null if never on this phone. */
  const syncedAt = ref<string | null>(null)
  /** Whether the catalogue can be shown, see CatalogueStatus. */
  const status = ref<CatalogueStatus>('loading')
  /** A sync with the server is under way while the cached index shows. */
  const syncing = ref(false)

  let cursor: string | null = null
  let loaded: Promise<void> | null = null

  const searchIndex = computed(() => buildSearchIndex(entries.value))
  const byCode = computed(() => new Map(entries.value.map((entry) => [entry.code, entry])))
  const departmentsById = computed(() => new Map(departments.value.map((department) => [department.id, department])))

  /** Shows the cached index at once, then syncs incrementally when online; repeated calls share one load. */
  function load(): Promise<void> {
    loaded ??= (async () => {
      await showCached()
      await sync()
    })()
    return loaded
  }

  async function showCached(): Promise<void> {
    // Loaded on first use, so pages that only need a guide do not wait for Dexie.
    const { readCachedCatalogue } = await import('../db/catalogue-cache.ts')
    const cached = await readCachedCatalogue()
    cursor = cached.cursor
    if (cached.syncedAt !== null) {
      entries.value = cached.entries
      departments.value = cached.departments
      themes.value = cached.themes
      syncedAt.value = cached.syncedAt
      status.value = 'ready'
    }
  }

  /** Asks the feed for what changed since the cursor and applies it to the phone's index. */
  async function sync(): Promise<void> {
    if (!app.online) {
      if (status.value === 'loading') status.value = 'unavailable'
      return
    }
    syncing.value = true
    try {
      const [changes, { applyCatalogueChanges }] = await Promise.all([fetchCatalogueChanges(cursor), import('../db/catalogue-cache.ts')])
      const at = new Date().toISOString()
      await applyCatalogueChanges(changes, at)
      await showCached()
    } catch {
      // The cached index (if any) keeps showing with its own last-synced time.
      if (status.value === 'loading') status.value = 'unavailable'
    } finally {
      syncing.value = false
    }
  }

  /** Entries matching `filter`: search results best first, otherwise hot items first. */
  function search(filter: CatalogueFilter = {}): CatalogueEntry[] {
    const query = filter.query?.trim() ?? ''
    const candidates = query === '' ? entries.value : searchCatalogue(searchIndex.value, query, entries.value.length)
    const matching = candidates.filter(
      (entry) =>
        (!filter.audience || entry.audiences.includes(filter.audience)) &&
        (!filter.themeId || entry.themeIds.includes(filter.themeId)) &&
        (!filter.departmentId || entry.departmentId === filter.departmentId),
    )
    return filter.limit === undefined ? matching : matching.slice(0, filter.limit)
  }

  /** The most used items, for the home page. */
  function hotItems(count: number): CatalogueEntry[] {
    return entries.value.slice(0, count)
  }

  /** The catalogue entry of `code`, if the index lists it. */
  function entryFor(code: string): CatalogueEntry | undefined {
    return byCode.value.get(code)
  }

  /** A department's short name (公安, 民政 …), or its id when the feed has not named it. */
  function departmentName(id: string): string {
    return departmentsById.value.get(id)?.shortName ?? id
  }

  return { entries, departments, themes, syncedAt, status, syncing, load, sync, search, hotItems, entryFor, departmentName }
})
