import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { db } from '../../src/db/app-db.ts'
import { useHallsStore } from '../../src/stores/halls.ts'
import { makeHall } from './support/hall-factory.ts'

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  setActivePinia(createPinia())
})
afterEach(() => {
  vi.unstubAllGlobals()
})

const hall = makeHall()
const { zones: _zones, accessibility: _accessibility, windows: _windows, ...summary } = hall

/** A server that answers the list and the hall with ETags, and 304 to a matching If-None-Match. */
function serveHalls() {
  const requests: Array<{ url: string; ifNoneMatch: string | null; status: number }> = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input)
      const ifNoneMatch = new Headers(init?.headers).get('if-none-match')
      const [body, etag] = url === '/api/v1/halls' ? [{ halls: [summary] }, '"list-1"'] : [hall, '"hall-1"']
      const status = ifNoneMatch === etag ? 304 : 200
      requests.push({ url, ifNoneMatch, status })
      return status === 304
        ? new Response(null, { status, headers: { etag } })
        : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', etag } })
    }),
  )
  return requests
}

test('halls are downloaded again only when they changed: the second visit gets 304s and keeps its copy', async () => {
  const requests = serveHalls()
  const first = useHallsStore()
  await first.loadHallList()
  await vi.waitFor(async () => expect((await db.halls.get(hall.id))?.detail).not.toBeNull())
  expect(requests.map((request) => request.status)).toEqual([200, 200])

  // The next page load: a fresh store over the same phone.
  setActivePinia(createPinia())
  const second = useHallsStore()
  await second.loadHallList()
  await vi.waitFor(() => expect(requests).toHaveLength(4))
  expect(requests.slice(2)).toEqual([
    { url: '/api/v1/halls', ifNoneMatch: '"list-1"', status: 304 },
    { url: `/api/v1/halls/${hall.id}`, ifNoneMatch: '"hall-1"', status: 304 },
  ])
  expect(second.summaries.map((entry) => entry.name)).toEqual([hall.name])
  expect(second.listStatus).toBe('ready')

  await second.loadHall(hall.id)
  expect(second.entries[hall.id]).toMatchObject({ status: 'ready', hall: { name: hall.name } })
  expect(requests.at(-1)?.status).toBe(304)
})
