// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import { ApiError, NetworkError } from '../../src/api/client.ts'
import { uploadMaterialFile } from '../../src/api/applications.ts'
import { useMaterialUploads } from '../../src/composables/material-uploads.ts'
import { db } from '../../src/db/app-db.ts'
import { i18n } from '../../src/modules/i18n.ts'

vi.mock('../../src/api/applications.ts', () => ({ uploadMaterialFile: vi.fn() }))
const upload = vi.mocked(uploadMaterialFile)
const answer = { uploadId: '6a1f0c3e-2b7d-4e59-8f21-0c4d5e6f7a81', sha256: 'a'.repeat(64), mediaType: 'image/jpeg' as const, bytes: 4, fileName: '身份证.jpg', expiresAt: '2099-01-01T00:00:00.000Z' }

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  upload.mockReset()
})
afterEach(() => vi.restoreAllMocks())

function uploads() {
  const scope = effectScope()
  const composable = scope.run(() => useMaterialUploads(ref('draft-1'), { t: i18n.global.t }))!
  return { ...composable, stop: () => scope.stop() }
}

const photo = () => new File(['jpeg'], '身份证.jpg', { type: 'image/jpeg' })

test('a picked file is kept on the phone, uploaded with progress, and its upload id remembered', async () => {
  const progress: number[] = []
  upload.mockImplementation(async (_blob, _name, options) => {
    options?.onProgress?.(0.5)
    progress.push(0.5)
    return answer
  })
  const { files, add, stop } = uploads()
  await add('id-card', photo())
  expect(files.value).toMatchObject([{ materialId: 'id-card', name: '身份证.jpg', state: 'uploaded', progress: 1 }])
  expect(progress).toEqual([0.5])
  expect((await db.draftFiles.toArray())[0]).toMatchObject({ draftId: 'draft-1', uploadId: answer.uploadId })
  stop()
})

test('a refused upload is retried from the copy on the phone, without picking the file again', async () => {
  upload.mockRejectedValueOnce(new ApiError(503, { statusCode: 503, code: 'UNAVAILABLE', error: 'Service Unavailable', message: '服务暂时不可用' })).mockResolvedValueOnce(answer)
  const { files, add, retry, stop } = uploads()
  await add('id-card', photo())
  expect(files.value[0]).toMatchObject({ state: 'failed', error: '服务暂时不可用' })
  await retry(files.value[0]!.id)
  expect(files.value[0]).toMatchObject({ state: 'uploaded', error: null })
  expect(upload).toHaveBeenCalledTimes(2)
  // The kept copy went again (jsdom's Blob does not survive fake-indexeddb's clone, so only its name is compared).
  expect(upload.mock.calls[1]![1]).toBe('身份证.jpg')
  stop()
})

test('offline, a picked file waits on the phone and goes up when the connection returns', async () => {
  const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  upload.mockRejectedValue(new NetworkError('offline'))
  const { files, add, stop } = uploads()
  await add('id-card', photo())
  expect(files.value[0]!.state).toBe('waiting')
  expect(upload).not.toHaveBeenCalled()
  onLine.mockReturnValue(true)
  upload.mockResolvedValue(answer)
  window.dispatchEvent(new Event('online'))
  await vi.waitFor(() => expect(files.value[0]!.state).toBe('uploaded'))
  stop()
})
