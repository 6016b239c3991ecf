// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { CatalogueChanges, CatalogueEntry } from '../../contract/guides.ts'
import { db } from '../../src/db/app-db.ts'
import { useCatalogueStore } from '../../src/stores/catalogue.ts'
import { emptyCatalogueChanges, makeServiceItem } from './support/guide-factory.ts'

const entry = (code: string, name: string, popularity: number, extra: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
  code,
  basicCode: code.slice(0, 12),
  name,
  audiences: ['individual'],
  departmentId: 'public-security',
  themeIds: [],
  keywords: [],
  pinyin: [],
  initials: [],
  caseType: 'promised',
  visitsRequired: 1,
  popularity,
  version: 1,
  updatedAt: '2026-11-20T08:00:00+08:00',
  offlineBytes: 120_000,
  ...extra,
})

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  setActivePinia(createPinia())
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

function serveFeed(...answers: CatalogueChanges[]) {
  const asked: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      asked.push(String(input))
      return new Response(JSON.stringify(answers.shift()), { status: 200, headers: { 'content-type': 'application/json' } })
    }),
  )
  return asked
}

test('syncs the whole index first, then only changes since the cursor; withdrawn guides stay cached, flagged', async () => {
  const identity = entry('000172008000001', '居民身份证申领、换领、补领', 1, { keywords: ['身份证'], pinyin: ['shen fen zheng'], initials: ['sfz'] })
  const birth = entry('000172003001001', '出生登记', 2)
  const asked = serveFeed(
    { ...emptyCatalogueChanges, cursor: '10', changed: [birth, identity] },
    { ...emptyCatalogueChanges, cursor: '12', full: false, changed: [{ ...identity, version: 2 }], withdrawn: [birth.code] },
  )
  await db.guides.put({ code: birth.code, item: makeServiceItem({}, { code: birth.code }), etag: null, fetchedAt: '2026-11-20T08:00:00Z', savedForOffline: true, bytes: 100, withdrawn: false, replacedVersion: null })

  const catalogue = useCatalogueStore()
  await catalogue.load()
  expect(catalogue.entries.map((e) => e.code)).toEqual([identity.code, birth.code])
  expect(catalogue.search({ query: 'sfz' }).map((e) => e.code)).toEqual([identity.code])
  expect(catalogue.syncedAt).not.toBeNull()

  await catalogue.sync()
  expect(asked).toEqual(['/api/v1/catalogue/changes', '/api/v1/catalogue/changes?since=10'])
  expect(catalogue.entries.map((e) => [e.code, e.version])).toEqual([[identity.code, 2]])
  expect((await db.guides.get(birth.code))?.withdrawn).toBe(true)
})

test('offline, the cached index shows at once without asking the server', async () => {
  serveFeed({ ...emptyCatalogueChanges, changed: [entry('000172003001001', '出生登记', 1)] })
  await useCatalogueStore().load()

  setActivePinia(createPinia())
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  const fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
  const catalogue = useCatalogueStore()
  await catalogue.load()
  expect(catalogue.status).toBe('ready')
  expect(catalogue.entries.map((e) => e.name)).toEqual(['出生登记'])
  expect(fetchMock).not.toHaveBeenCalled()
})
