import type { Hall, HallSummary } from '../../contract/halls.ts'
import { db, type HallRecord } from './app-db.ts'

const LIST_SYNCED_AT = 'halls.listSyncedAt'
const LIST_ETAG = 'halls.listETag'

/** The cached hall list in published order, with when it was last synced (null if never) and its ETag. */
export async function readCachedHallList(): Promise<{ records: HallRecord[]; syncedAt: string | null; etag: string | null }> {
  const [records, synced, etag] = await Promise.all([db.halls.orderBy('position').toArray(), db.meta.get(LIST_SYNCED_AT), db.meta.get(LIST_ETAG)])
  // An ETag without the list it describes would make the server answer 304 to an empty phone.
  return { records, syncedAt: synced?.value ?? null, etag: records.length > 0 ? (etag?.value ?? null) : null }
}

/** The server confirmed (304) that the cached list is current: it counts as synced now. */
export async function markHallListCurrent(checkedAt: string): Promise<void> {
  await db.meta.put({ key: LIST_SYNCED_AT, value: checkedAt })
}

/**
 * Replaces the cached list with a freshly fetched one. One transaction, so a phone that goes
 * offline or closes the tab mid-write keeps the whole old list rather than half of each.
 * Full halls already cached are kept for halls still listed; delisted halls are dropped.
 */
export async function storeHallList(summaries: HallSummary[], fetchedAt: string, etag: string | null = null): Promise<HallRecord[]> {
  return db.transaction('rw', db.halls, db.meta, async () => {
    const existing = new Map((await db.halls.toArray()).map((record) => [record.id, record]))
    const records: HallRecord[] = summaries.map((summary, position) => ({
      id: summary.id,
      position,
      summary,
      summaryFetchedAt: fetchedAt,
      detail: existing.get(summary.id)?.detail ?? null,
      detailFetchedAt: existing.get(summary.id)?.detailFetchedAt ?? null,
      detailETag: existing.get(summary.id)?.detailETag ?? null,
    }))
    const listed = new Set(summaries.map((summary) => summary.id))
    await db.halls.bulkDelete([...existing.keys()].filter((id) => !listed.has(id)))
    await db.halls.bulkPut(records)
    await db.meta.put({ key: LIST_SYNCED_AT, value: fetchedAt })
    if (etag) await db.meta.put({ key: LIST_ETAG, value: etag })
    else await db.meta.delete(LIST_ETAG)
    return records
  })
}

/** The cached record for one hall, if it was ever listed or opened. */
export function readCachedHall(id: string): Promise<HallRecord | undefined> {
  return db.halls.get(id)
}

/** Stores a freshly fetched full hall; its summary fields come from the same answer. */
export async function storeHall(hall: Hall, fetchedAt: string, etag: string | null = null): Promise<HallRecord> {
  return db.transaction('rw', db.halls, async () => {
    const existing = await db.halls.get(hall.id)
    const { zones: _zones, accessibility: _accessibility, windows: _windows, ...summary } = hall
    const record: HallRecord = {
      id: hall.id,
      // A hall opened from a deep link before the list was ever fetched goes to the end.
      position: existing?.position ?? Number.MAX_SAFE_INTEGER,
      summary,
      summaryFetchedAt: fetchedAt,
      detail: hall,
      detailFetchedAt: fetchedAt,
      detailETag: etag,
    }
    await db.halls.put(record)
    return record
  })
}

/** The server confirmed (304) that the cached hall is current: its "最后更新" is now. */
export async function markHallCurrent(id: string, checkedAt: string): Promise<HallRecord | undefined> {
  return db.transaction('rw', db.halls, async () => {
    const record = await db.halls.get(id)
    if (!record) return undefined
    record.detailFetchedAt = checkedAt
    record.summaryFetchedAt = checkedAt
    await db.halls.put(record)
    return record
  })
}
