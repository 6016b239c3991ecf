import { beforeEach, expect, test } from 'vitest'
import { db } from '../../src/db/app-db.ts'
import { readCachedHall, readCachedHallList, storeHall, storeHallList } from '../../src/db/halls-cache.ts'
import { makeHall } from './support/hall-factory.ts'

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
})

function summaryOf(id: string, name: string) {
  const { zones: _zones, accessibility: _accessibility, windows: _windows, ...summary } = makeHall({ id, name })
  return summary
}

test('an opened hall is kept in IndexedDB with when it was fetched', async () => {
  await storeHall(makeHall(), '2026-11-25T01:00:00.000Z')
  const record = await readCachedHall('shimin-dating')
  expect(record?.detail?.windows[0]?.staff[0]?.name).toBe('李敏')
  expect(record?.detailFetchedAt).toBe('2026-11-25T01:00:00.000Z')
})

test('refreshing the list keeps saved details, follows the new order and drops delisted halls', async () => {
  await storeHallList([summaryOf('a', '甲站'), summaryOf('b', '乙站')], '2026-11-24T00:00:00.000Z')
  await storeHall(makeHall({ id: 'b', name: '乙站' }), '2026-11-24T01:00:00.000Z')

  await storeHallList([summaryOf('b', '乙站（新址）'), summaryOf('c', '丙站')], '2026-11-25T00:00:00.000Z')

  const { records, syncedAt } = await readCachedHallList()
  expect(records.map((record) => record.summary.name)).toEqual(['乙站（新址）', '丙站'])
  expect(syncedAt).toBe('2026-11-25T00:00:00.000Z')
  expect(records[0]?.detail?.windows).toHaveLength(1)
  expect(records[0]?.detailFetchedAt).toBe('2026-11-24T01:00:00.000Z')
  expect(await readCachedHall('a')).toBeUndefined()
})
