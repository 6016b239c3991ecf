import Dexie, { type EntityTable } from 'dexie'
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

  constructor(name = 'kundulun-zhengwu') {
    super(name)
    this.version(1).stores({
      halls: 'id, position',
      meta: 'key',
      outbox: 'id, state, createdAt',
    })
  }
}

export const db = new AppDatabase()

/** Deletes every table of the local database (清除本机数据); Dexie reopens it empty on next use. */
export async function deleteLocalDatabase(): Promise<void> {
  await db.delete({ disableAutoOpen: false })
}
