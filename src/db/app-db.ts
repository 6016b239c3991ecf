import Dexie, { type EntityTable } from 'dexie'
import type { CatalogueEntry, ServiceItem } from '../../contract/guides.ts'
import type { Hall, HallSummary } from '../../contract/halls.ts'
import type { OutboxItem } from '../outbox/types.ts'

/** A hall as last fetched: the list's summary always, the full hall once it has been fetched. */
export interface HallRecord {
  id: string
  /** Place in the district's published list. */
  position: number
  summary: HallSummary
  /** ISO time the summary was fetched. */
  summaryFetchedAt: string
  /** The full hall (windows, staff, zones); null until its page is opened or pre-cached. */
  detail: Hall | null
  /** ISO time the full hall was fetched; this is the "最后更新" the citizen sees. */
  detailFetchedAt: string | null
}

/** A full guide as last fetched (on view, on 保存以便离线查看, or by 下载全部指南). */
export interface GuideRecord {
  code: string
  item: ServiceItem
  /** The server's ETag for this copy, sent back as If-None-Match to revalidate it. */
  etag: string | null
  /** ISO time the copy was fetched or last confirmed current: the "最后更新" shown. */
  fetchedAt: string
  /** The citizen asked to keep it (per guide or 下载全部指南); other copies are a view cache. */
  savedForOffline: boolean
  /** Size of the guide's JSON as received, for the storage figures shown. */
  bytes: number
  /** The catalogue withdrew the item: the copy still opens, marked as no longer handled. */
  withdrawn: boolean
  /**
   * The version this copy replaced, until the citizen has seen "本指南已更新"; null when the
   * copy replaced nothing or the notice was shown.
   */
  replacedVersion: number | null
}

/** Small key/value facts about the local copy, e.g. when the hall list was last synced. */
export interface MetaRecord {
  key: string
  value: string
}

/**
 * The app's one IndexedDB database. Each schema change is a new `version()` below the
 * existing ones; old versions stay so that any phone can upgrade from what it has.
 */
export class AppDatabase extends Dexie {
  halls!: EntityTable<HallRecord, 'id'>
  meta!: EntityTable<MetaRecord, 'key'>
  outbox!: EntityTable<OutboxItem, 'id'>
  catalogue!: EntityTable<CatalogueEntry, 'code'>
  guides!: EntityTable<GuideRecord, 'code'>

  constructor(name = 'kundulun-zhengwu') {
    super(name)
    this.version(1).stores({
      halls: 'id, position',
      meta: 'key',
      outbox: 'id, state, createdAt',
    })
    // The service catalogue: its index (entries; departments, themes and the sync cursor live in
    // meta) and the full guides fetched so far.
    this.version(2).stores({
      catalogue: 'code, popularity',
      guides: 'code',
    })
  }
}

export const db = new AppDatabase()

/** Deletes every table of the local database (清除本机数据); Dexie reopens it empty on next use. */
export async function deleteLocalDatabase(): Promise<void> {
  await db.delete({ disableAutoOpen: false })
}
