// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { beforeEach, expect, test, vi } from 'vitest'
import { db } from '../../src/db/app-db.ts'
import { noteRequestLeaving, requestLeftBefore, uploadIdOf } from '../../src/outbox/file-uploads.ts'
import type { OutboxItem } from '../../src/outbox/types.ts'

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
})

const hourMs = 60 * 60 * 1000

async function keepFile(uploadId: string | null, expiresInMs: number) {
  await db.draftFiles.put({
    id: 'file-1',
    draftId: 'draft-1',
    materialId: 'id-card',
    name: '身份证.png',
    mediaType: 'image/png',
    bytes: 3,
    blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }),
    uploadId,
    uploadExpiresAt: uploadId ? new Date(Date.now() + expiresInMs).toISOString() : null,
    addedAt: new Date().toISOString(),
  })
}

const freshUpload = vi.fn(async () => ({ uploadId: 'upload-new', expiresAt: new Date(Date.now() + 24 * hourMs).toISOString() }))
const options = (requestLeft: boolean) => ({ upload: freshUpload, missingMessage: '文件不见了', requestLeft })

test('a file is uploaded once and its upload reused while the server keeps it', async () => {
  await keepFile(null, 0)
  expect(await uploadIdOf('file-1', options(false))).toBe('upload-new')
  expect(await uploadIdOf('file-1', options(false))).toBe('upload-new')
  expect(freshUpload).toHaveBeenCalledTimes(1)
})

test('an upload about to expire is sent again before the first request, and kept as it is once a request has left', async () => {
  freshUpload.mockClear()
  await keepFile('upload-old', 10 * 60 * 1000)
  // The server may already have the write that carried upload-old: the retry must be the same request.
  expect(await uploadIdOf('file-1', options(true))).toBe('upload-old')
  expect(freshUpload).not.toHaveBeenCalled()
  // No request carried it yet: a fresh upload, so the server does not refuse an expired one.
  expect(await uploadIdOf('file-1', options(false))).toBe('upload-new')
  expect((await db.draftFiles.get('file-1'))?.uploadId).toBe('upload-new')
})

test('a file gone from the phone fails with the message given', async () => {
  await expect(uploadIdOf('nothing', options(false))).rejects.toThrow('文件不见了')
})

test('the outbox item remembers that its request left the phone', async () => {
  await db.outbox.put({ id: 'write-1', kind: 'application', state: 'sending', summary: '', createdAt: '', attempts: 0, nextAttemptAt: 0, claimedAt: 1, sentAt: null, error: null, body: {}, response: null } as unknown as OutboxItem)
  expect(await requestLeftBefore('write-1')).toBe(false)
  await noteRequestLeaving('write-1')
  expect(await requestLeftBefore('write-1')).toBe(true)
})
