// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { db } from '../../src/db/app-db.ts'
import type { OutboxItem } from '../../src/outbox/types.ts'
import { useSessionStore } from '../../src/stores/session.ts'
import { OWNER, makeDraft, profile } from './support/application-factory.ts'
import { makeServiceItem } from './support/guide-factory.ts'

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  setActivePinia(createPinia())
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  localStorage.clear()
})

const outboxItem = (id: string, ownerId?: string): OutboxItem => ({
  id,
  kind: 'inaccuracy-report',
  body: { hallId: 'h', topic: 'phone', description: '电话打不通了，请更新。' },
  summary: '信息纠错',
  state: 'pending',
  createdAt: '2026-11-25T01:00:00.000Z',
  attempts: 0,
  nextAttemptAt: 0,
  claimedAt: null,
  sentAt: null,
  error: null,
  response: null,
  ...(ownerId && { ownerId }),
})

test("sign-out removes the citizen's personal data from the phone and keeps everyone else's and the guides", async () => {
  localStorage.setItem('session.citizen', JSON.stringify(OWNER))
  await db.drafts.bulkPut([makeDraft(), makeDraft({ id: 'other-draft', ownerId: 'citizen-2' })])
  await db.draftFiles.bulkPut([
    { id: 'f1', draftId: 'draft-1', materialId: 'id-card', name: 'a.jpg', mediaType: 'image/jpeg', bytes: 1, blob: new Blob(['x']), uploadId: null, uploadExpiresAt: null, addedAt: '' },
    { id: 'f2', draftId: 'other-draft', materialId: 'id-card', name: 'b.jpg', mediaType: 'image/jpeg', bytes: 1, blob: new Blob(['x']), uploadId: null, uploadExpiresAt: null, addedAt: '' },
  ])
  await db.profiles.put({ ownerId: OWNER.id, profile, companies: [], fetchedAt: '' })
  await db.outbox.bulkPut([outboxItem('mine', OWNER.id), outboxItem('anonymous')])
  const item = makeServiceItem()
  await db.guides.put({ code: item.code, item, etag: null, fetchedAt: '', savedForOffline: true, bytes: 1, withdrawn: false, replacedVersion: null })
  const fetchMock = vi.fn(async () => new Response(null, { status: 204 }))
  vi.stubGlobal('fetch', fetchMock)

  const session = useSessionStore()
  expect(session.citizen).toEqual(OWNER)
  await session.signOut()

  expect(fetchMock).toHaveBeenCalledWith('/api/v1/auth/sessions/current', expect.objectContaining({ method: 'DELETE' }))
  expect(session.citizen).toBeNull()
  expect(localStorage.getItem('session.citizen')).toBeNull()
  expect((await db.drafts.toArray()).map((draft) => draft.id)).toEqual(['other-draft'])
  expect((await db.draftFiles.toArray()).map((file) => file.id)).toEqual(['f2'])
  expect(await db.profiles.count()).toBe(0)
  expect((await db.outbox.toArray()).map((entry) => entry.id)).toEqual(['anonymous'])
  expect(await db.guides.count()).toBe(1)
})

test('offline, sign-out still removes the personal data', async () => {
  localStorage.setItem('session.citizen', JSON.stringify(OWNER))
  await db.drafts.put(makeDraft())
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
  await useSessionStore().signOut()
  expect(await db.drafts.count()).toBe(0)
})

test('a session the server no longer knows signs the phone out', async () => {
  localStorage.setItem('session.citizen', JSON.stringify(OWNER))
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ statusCode: 401, code: 'UNAUTHORIZED', error: 'Unauthorized', message: '请先登录' }), { status: 401 })))
  expect(await useSessionStore().ensure()).toBeNull()
  expect(localStorage.getItem('session.citizen')).toBeNull()
})
