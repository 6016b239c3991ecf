import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { db } from '../../src/db/app-db.ts'
import { outboxStorage } from '../../src/db/outbox-storage.ts'
import { useOutboxStore } from '../../src/stores/outbox.ts'

const receipt = {
  id: 'r1',
  reference: 'JC20261125-0001',
  hallId: 'shimin-dating',
  topic: 'phone',
  receivedAt: '2026-11-25T09:00:00+08:00',
}

const body = { hallId: 'shimin-dating', topic: 'phone' as const, description: '咨询电话打不通了' }

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  localStorage.clear()
  setActivePinia(createPinia())
})

afterEach(() => {
  vi.unstubAllGlobals()
})

test('a write made offline is kept, then sent once the connection returns, with the same idempotency key', async () => {
  const keys: Array<string | null> = []
  let online = false
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      keys.push(new Headers(init.headers).get('idempotency-key'))
      if (!online) throw new TypeError('Failed to fetch')
      return new Response(JSON.stringify(receipt), { status: 201, headers: { 'content-type': 'application/json' } })
    }),
  )
  const outbox = useOutboxStore()
  const id = await outbox.enqueue({ kind: 'inaccuracy-report', body, summary: '信息纠错 · 昆都仑区市民大厅' })

  await vi.waitFor(() => expect(outbox.itemById(id)).toMatchObject({ state: 'pending', attempts: 1 }))
  // The next page load knows, without opening IndexedDB, that there is something to replay.
  expect(localStorage.getItem('outbox.pending')).toBe('1')

  online = true
  outbox.start()
  window.dispatchEvent(new Event('online'))
  await vi.waitFor(() => expect(outbox.itemById(id)?.state).toBe('sent'))
  expect(outbox.itemById(id)?.response).toEqual(receipt)
  expect(keys).toEqual([id, id])
  expect(id).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
  await vi.waitFor(() => expect(localStorage.getItem('outbox.pending')).toBeNull())
})

test('the server refusing a write shows its Chinese message and the write is not sent again', async () => {
  const fetchMock = vi.fn(
    async () =>
      new Response(
        JSON.stringify({ statusCode: 400, code: 'VALIDATION_FAILED', error: 'Bad Request', message: '大厅不存在' }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      ),
  )
  vi.stubGlobal('fetch', fetchMock)
  const outbox = useOutboxStore()
  const id = await outbox.enqueue({ kind: 'inaccuracy-report', body, summary: '信息纠错' })
  await vi.waitFor(() => expect(outbox.itemById(id)).toMatchObject({ state: 'failed', error: '大厅不存在' }))
  await outbox.flush(true)
  expect(fetchMock).toHaveBeenCalledTimes(1)
})

test('IndexedDB lets only one of two simultaneous claims take an item (two tabs)', async () => {
  await db.outbox.add({
    id: 'key-0001-aaaa-bbbb',
    kind: 'inaccuracy-report',
    body,
    summary: '信息纠错',
    state: 'pending',
    createdAt: '2026-11-25T01:00:00.000Z',
    attempts: 0,
    nextAttemptAt: 0,
    claimedAt: null,
    sentAt: null,
    error: null,
    response: null,
  })
  const claims = await Promise.all([
    outboxStorage.claim('key-0001-aaaa-bbbb', 1_000, false),
    outboxStorage.claim('key-0001-aaaa-bbbb', 1_000, false),
  ])
  expect(claims.filter(Boolean)).toHaveLength(1)
  expect((await db.outbox.get('key-0001-aaaa-bbbb'))?.state).toBe('sending')
})

test('a write and its companion (the draft it sends, marked sent) are stored together or not at all', async () => {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(receipt), { status: 201, headers: { 'content-type': 'application/json' } })))
  const outbox = useOutboxStore()
  await db.meta.put({ key: 'probe', value: 'draft' })

  await expect(
    outbox.enqueue(
      { kind: 'inaccuracy-report', body, summary: '信息纠错 · 昆都仑区市民大厅' },
      {
        tables: [db.meta],
        write: async () => {
          await db.meta.put({ key: 'probe', value: 'sent' })
          throw new Error('the tab went away')
        },
      },
    ),
  ).rejects.toThrow('the tab went away')
  expect(await db.outbox.count()).toBe(0)
  expect((await db.meta.get('probe'))?.value).toBe('draft')

  const id = await outbox.enqueue(
    { kind: 'inaccuracy-report', body, summary: '信息纠错 · 昆都仑区市民大厅' },
    { tables: [db.meta], write: async (outboxId) => void (await db.meta.put({ key: 'probe', value: outboxId })) },
  )
  expect(await db.outbox.get(id)).toBeDefined()
  expect((await db.meta.get('probe'))?.value).toBe(id)
})
