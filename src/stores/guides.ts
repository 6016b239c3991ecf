import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { guideFiles } from '../../contract/guide-files.ts'
import type { GuideVersionInfo, ServiceItem } from '../../contract/guides.ts'
import { ApiError, type ConditionalResult } from '../api/client.ts'
import { prefetchFile } from '../api/files.ts'
import { fetchItem, takeEmbeddedItem } from '../api/items.ts'
import type { GuideRecord } from '../db/app-db.ts'
import { afterNextPaint } from '../composables/after-paint.ts'
import { useAppStore } from './app.ts'
import { useCatalogueStore } from './catalogue.ts'

/**
 * loading: nothing to show yet; ready: shown (from the phone or the server);
 * unavailable: neither saved on the phone nor reachable; not-found: the server has no such item.
 */
export type GuideLoadStatus = 'loading' | 'ready' | 'unavailable' | 'not-found'

export interface GuideEntry {
  item: ServiceItem | null
  /** When this copy was fetched or last confirmed current (ISO): the "最后更新" shown. */
  fetchedAt: string | null
  status: GuideLoadStatus
  /** A revalidation with the server is under way while the saved copy shows. */
  refreshing: boolean
  /** Kept for offline reading at the citizen's request. */
  savedForOffline: boolean
  /** The catalogue no longer lists the item; the copy shows, marked as such. */
  withdrawn: boolean
  /** Set when this copy replaced an older one the phone held: "本指南已更新" with its change note. */
  updated: GuideVersionInfo | null
}

/** 下载全部指南: idle → confirming (count and size shown) → running (n/N) → done or failed. */
export interface BulkDownload {
  state: 'idle' | 'confirming' | 'running' | 'done' | 'failed'
  total: number
  done: number
  /** Bytes still to fetch (guides and their files), shown before starting. */
  estimatedBytes: number
}

const PARALLEL_DOWNLOADS = 4
/** How long a cold open waits for the network before it shows the copy saved on the phone. */
const LOCAL_COPY_WAIT_MS = 1500

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

type CatalogueCache = typeof import('../db/catalogue-cache.ts')
let loadedCache: CatalogueCache | null = null
/**
 * The IndexedDB layer (Dexie, ~31 KB gzip) loads on first use rather than with the guide page, so
 * a guide opened cold from a QR code needs only the page's own JS before the network answer.
 */
async function guideCache(): Promise<CatalogueCache> {
  loadedCache ??= await import('../db/catalogue-cache.ts')
  return loadedCache
}

export const useGuidesStore = defineStore('guides', () => {
  const app = useAppStore()
  const catalogue = useCatalogueStore()

  /** Guides by item code, as far as they have been opened. */
  const entries = ref<Record<string, GuideEntry>>({})
  /** Progress of 下载全部指南. */
  const bulk = ref<BulkDownload>({ state: 'idle', total: 0, done: 0, estimatedBytes: 0 })
  /** How many guides are saved for offline on this phone. */
  const savedCount = ref(0)

  const bulkBusy = computed(() => bulk.value.state === 'running')

  function entryFor(code: string): GuideEntry {
    entries.value[code] ??= { item: null, fetchedAt: null, status: 'loading', refreshing: false, savedForOffline: false, withdrawn: false, updated: null }
    return entries.value[code]
  }

  function show(entry: GuideEntry, record: GuideRecord): void {
    Object.assign(entry, {
      item: record.item,
      fetchedAt: record.fetchedAt,
      status: 'ready',
      savedForOffline: record.savedForOffline,
      withdrawn: record.withdrawn,
    })
  }

  /**
   * Fetches a guide (conditionally, with the cached copy's ETag) and stores it. A newer version
   * replaces the cached copy and remembers the version it replaced, so the citizen is told.
   */
  async function refresh(
    code: string,
    cached: GuideRecord | undefined,
    savedForOffline: boolean,
    started?: Promise<ConditionalResult<ServiceItem>>,
  ): Promise<GuideRecord> {
    const fetchedAt = new Date().toISOString()
    const answer = await (started ?? fetchItem(code, cached?.etag ?? null))
    const { storeGuide, touchGuide } = await guideCache()
    if (answer.status === 'unchanged' && cached) {
      const saved = cached.savedForOffline || savedForOffline
      await touchGuide(code, { fetchedAt, savedForOffline: saved })
      return { ...cached, fetchedAt, savedForOffline: saved }
    }
    if (answer.status === 'unchanged') throw new Error(`304 for ${code} without a cached copy`)
    const item = answer.body
    const replaced = cached && cached.item.current.version < item.current.version ? cached.item.current.version : null
    const record: GuideRecord = {
      code,
      item,
      etag: answer.etag,
      fetchedAt,
      savedForOffline: (cached?.savedForOffline ?? false) || savedForOffline,
      bytes: answer.bytes,
      withdrawn: false,
      replacedVersion: replaced ?? cached?.replacedVersion ?? null,
    }
    await storeGuide(record)
    return record
  }

  /** Shows the cached guide at once, then revalidates it with the server (ETag) when online; caches it on view. */
  async function open(code: string): Promise<void> {
    const entry = entryFor(code)
    // Warm (the local database already loaded): read the copy, then revalidate with its ETag.
    // Cold (first thing this page load does): ask the server at once, the database after; the
    // browser's HTTP cache still revalidates that request with the ETag it holds.
    // The page's own HTML may carry the item (a QR code scan): that is the server's answer.
    const warm = loadedCache !== null
    const embedded = warm ? null : takeEmbeddedItem(code)
    const started = embedded ? Promise.resolve(embedded) : app.online && !warm ? fetchItem(code) : undefined
    // Shown in the very render that takes over the page the server rendered, so it matches it.
    if (embedded?.status === 'fetched' && !entry.item) Object.assign(entry, { item: embedded.body, fetchedAt: new Date().toISOString(), status: 'ready' })
    // Cold and online, the local database waits until the server's answer has been painted (or a
    // slow connection has kept us waiting LOCAL_COPY_WAIT_MS), so its JS stays off the path to
    // the guide's first paint; offline or warm it is read at once.
    const cachedRead = (started ? Promise.race([started.then(afterNextPaint, () => undefined), wait(LOCAL_COPY_WAIT_MS)]) : Promise.resolve())
      .then(() => guideCache())
      .then((cache) => cache.readCachedGuide(code))
    // Shown as soon as it arrives, without waiting for the database; stored below once it is open.
    started
      ?.then((answer) => {
        if (answer.status === 'fetched' && !entry.item) Object.assign(entry, { item: answer.body, fetchedAt: new Date().toISOString(), status: 'ready' })
      })
      .catch(() => undefined)
    const cached = await cachedRead
    if (cached && !entry.item) show(entry, cached)
    if (app.online) {
      entry.refreshing = true
      try {
        const record = await refresh(code, cached, false, started)
        show(entry, record)
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          if (cached) entry.withdrawn = true
          else Object.assign(entry, { item: null, status: 'not-found' })
        } else if (!entry.item) entry.status = 'unavailable'
      } finally {
        entry.refreshing = false
      }
    } else if (!entry.item) entry.status = 'unavailable'

    if (entry.item) void cacheFiles(entry.item, false)

    const { readCachedGuide, storeGuide } = await guideCache()
    const current = await readCachedGuide(code)
    if (current?.replacedVersion != null && entry.item) {
      // Told once: the notice shows on this view and the copy stops counting as newly replaced.
      entry.updated = entry.item.current
      await storeGuide({ ...current, replacedVersion: null })
    }
  }

  /**
   * Puts the guide's forms and samples on the phone, one at a time; a phone that asks to save
   * data (navigator.connection.saveData) gets them only when the guide is saved. Files already
   * on the phone come from its cache. Whether every file is now on the phone.
   */
  async function cacheFiles(item: ServiceItem, evenOnSaveData: boolean): Promise<boolean> {
    const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true
    if (!app.online || (saveData && !evenOnSaveData)) return false
    let complete = true
    for (const file of guideFiles(item.guide)) {
      try {
        await prefetchFile(file.url)
      } catch {
        // Fetched again when the citizen opens or saves the guide next time.
        complete = false
      }
    }
    return complete
  }

  /** 保存以便离线查看: keeps this guide on the phone and asks the browser not to evict it. */
  async function saveForOffline(code: string): Promise<void> {
    const entry = entryFor(code)
    const { readCachedGuide, touchGuide } = await guideCache()
    const cached = await readCachedGuide(code)
    void requestPersistentStorage()
    if (cached) await touchGuide(code, { savedForOffline: true })
    else show(entry, await refresh(code, undefined, true))
    entry.savedForOffline = true
    if (entry.item) await cacheFiles(entry.item, true)
    await countSaved()
  }

  /** Counts the guides saved for offline on this phone. */
  async function countSaved(): Promise<void> {
    const { readCachedGuides } = await guideCache()
    savedCount.value = (await readCachedGuides()).filter((record) => record.savedForOffline).length
  }

  /**
   * First step of 下载全部指南: how many guides, and how many bytes with their forms, before
   * anything is fetched. Guides the phone holds at their current version are not counted.
   */
  async function prepareDownloadAll(): Promise<void> {
    await catalogue.load()
    const { readCachedGuides } = await guideCache()
    const cached = new Map((await readCachedGuides()).map((record) => [record.code, record]))
    const missing = catalogue.entries.filter((entry) => cached.get(entry.code)?.item.current.version !== entry.version)
    const estimatedBytes = missing.reduce((sum, entry) => sum + entry.offlineBytes, 0)
    bulk.value = { state: 'confirming', total: catalogue.entries.length, done: 0, estimatedBytes }
  }

  /**
   * Saves every guide of the catalogue for offline use, a few at a time. Resumable: guides already
   * on the phone at the catalogue's version are only marked saved, so a second run after a lost
   * connection fetches just the rest.
   */
  async function downloadAll(): Promise<void> {
    if (bulkBusy.value) return
    void requestPersistentStorage()
    const { readCachedGuides, touchGuide } = await guideCache()
    const cached = new Map((await readCachedGuides()).map((record) => [record.code, record]))
    const queue = [...catalogue.entries]
    bulk.value = { ...bulk.value, state: 'running', total: queue.length, done: 0 }
    let failed = false
    const worker = async (): Promise<void> => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) {
        const record = cached.get(entry.code)
        try {
          let saved: GuideRecord
          if (record && record.item.current.version === entry.version) {
            if (!record.savedForOffline) await touchGuide(entry.code, { savedForOffline: true })
            saved = record
          } else {
            saved = await refresh(entry.code, record, true)
          }
          if (!(await cacheFiles(saved.item, true))) throw new Error(`files of ${entry.code} not all fetched`)
          if (entries.value[entry.code]) entries.value[entry.code]!.savedForOffline = true
          bulk.value.done += 1
        } catch {
          failed = true
        }
      }
    }
    await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker))
    bulk.value.state = failed ? 'failed' : 'done'
    await countSaved()
  }

  /** Leaves the 下载全部指南 dialog without downloading. */
  function cancelDownloadAll(): void {
    if (!bulkBusy.value) bulk.value = { state: 'idle', total: 0, done: 0, estimatedBytes: 0 }
  }

  /** Asks the browser to keep this site's storage under pressure (granted silently or not at all). */
  async function requestPersistentStorage(): Promise<boolean> {
    try {
      return (await navigator.storage?.persist?.()) ?? false
    } catch {
      return false
    }
  }

  return { entries, bulk, bulkBusy, savedCount, entryFor, open, saveForOffline, countSaved, prepareDownloadAll, downloadAll, cancelDownloadAll }
})
