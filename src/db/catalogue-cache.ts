import { toRaw } from 'vue'
import type { CatalogueChanges, CatalogueEntry, Department, Theme } from '../../contract/guides.ts'
import { db, type GuideRecord } from './app-db.ts'

const CURSOR = 'catalogue.cursor'
const SYNCED_AT = 'catalogue.syncedAt'
const DEPARTMENTS = 'catalogue.departments'
const THEMES = 'catalogue.themes'

/** The catalogue index as this phone holds it. */
export interface CachedCatalogue {
  entries: CatalogueEntry[]
  departments: Department[]
  themes: Theme[]
  /** The feed's cursor to ask with next time; null before the first sync. */
  cursor: string | null
  /** ISO time of the last successful sync; null if never on this phone. */
  syncedAt: string | null
}

function parseList<Item>(value: string | undefined): Item[] {
  return value ? (JSON.parse(value) as Item[]) : []
}

/** The cached index, hot items first. */
export async function readCachedCatalogue(): Promise<CachedCatalogue> {
  const [entries, meta] = await Promise.all([
    db.catalogue.orderBy('popularity').toArray(),
    db.meta.bulkGet([CURSOR, SYNCED_AT, DEPARTMENTS, THEMES]),
  ])
  const [cursor, syncedAt, departments, themes] = meta
  return {
    entries,
    departments: parseList<Department>(departments?.value),
    themes: parseList<Theme>(themes?.value),
    cursor: cursor?.value ?? null,
    syncedAt: syncedAt?.value ?? null,
  }
}

/**
 * Applies one answer of the changes feed: a full answer replaces the index, otherwise changed
 * entries are upserted and withdrawn ones removed (their cached guides stay, flagged withdrawn).
 * One transaction with the cursor, so a phone that goes offline mid-write keeps the old index
 * and the old cursor together and simply asks again from there.
 */
export async function applyCatalogueChanges(changes: CatalogueChanges, syncedAt: string): Promise<void> {
  await db.transaction('rw', db.catalogue, db.guides, db.meta, async () => {
    if (changes.full) {
      const listed = new Set(changes.changed.map((entry) => entry.code))
      const gone = (await db.catalogue.toCollection().primaryKeys()).filter((code) => !listed.has(code))
      await db.catalogue.clear()
      await flagGuidesWithdrawn(gone)
    }
    await db.catalogue.bulkPut(changes.changed)
    await db.catalogue.bulkDelete(changes.withdrawn)
    await flagGuidesWithdrawn(changes.withdrawn)
    await db.meta.bulkPut([
      { key: CURSOR, value: changes.cursor },
      { key: SYNCED_AT, value: syncedAt },
      { key: DEPARTMENTS, value: JSON.stringify(changes.departments) },
      { key: THEMES, value: JSON.stringify(changes.themes) },
    ])
  })
}

async function flagGuidesWithdrawn(codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return
  await db.guides.where('code').anyOf([...codes]).modify({ withdrawn: true })
}

/** The cached full guide, if this phone ever fetched it. */
export function readCachedGuide(code: string): Promise<GuideRecord | undefined> {
  return db.guides.get(code)
}

/** Every cached guide, for the storage figures and to resume 下载全部指南. */
export function readCachedGuides(): Promise<GuideRecord[]> {
  return db.guides.toArray()
}

/** Stores a guide copy; `toRaw` because IndexedDB's structured clone cannot copy Vue's proxies. */
export async function storeGuide(record: GuideRecord): Promise<void> {
  await db.guides.put({ ...toRaw(record), item: toRaw(record.item) })
}

/** Marks a cached guide as confirmed current (a 304) at `fetchedAt`, and saved if asked. */
export async function touchGuide(code: string, changes: Partial<Pick<GuideRecord, 'fetchedAt' | 'savedForOffline'>>): Promise<void> {
  await db.guides.update(code, changes)
}
