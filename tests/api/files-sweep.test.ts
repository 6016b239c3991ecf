import { randomBytes } from 'node:crypto'
import { utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Upload } from '../../contract/applications.ts'
import { DiskFileStorage } from '../../server/src/files/file-storage.ts'
import { sweepUnreferencedFiles, UNREFERENCED_FILE_GRACE_MS } from '../../server/src/files/file-sweep.ts'
import { citizenHeaders, pngBytes, upload } from './v1/application-factories.ts'
import { buildTestApp, type TestApp } from './support/test-app.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

const HOUR_MS = 60 * 60 * 1000
const storage = () => testApp.storage as DiskFileStorage
/** Sets when a stored file's bytes were last written. */
const writtenAt = (sha256: string, at: Date) => utimes(join(storage().root, sha256.slice(0, 2), sha256), at, at)
/** A PNG of its own content (trailing bytes after the image make another hash). */
const ownPng = () => Buffer.concat([pngBytes, randomBytes(16)])

describe('the sweep of stored files no row refers to', () => {
  it('deletes an expired upload’s bytes, and keeps form files, live uploads and bytes written within the grace period', async () => {
    const now = new Date()
    const longAgo = new Date(now.getTime() - UNREFERENCED_FILE_GRACE_MS - HOUR_MS)
    const headers = await citizenHeaders(testApp.app)

    const expired = (await upload(testApp.app, headers, ownPng())).json<Upload>()
    const live = (await upload(testApp.app, headers, ownPng())).json<Upload>()
    // Its 24 hours are over; no other upload came to forget it, the sweep does.
    await testApp.db.updateTable('uploads').set({ expires_at: new Date(now.getTime() - 60_000) }).where('id', '=', expired.uploadId).execute()
    const orphanJustWritten = (await testApp.storage.put(ownPng(), { fileName: 'x.png', mediaType: 'image/png' })).sha256
    const { sha256: formFile } = await testApp.db.selectFrom('stored_files').select('sha256').executeTakeFirstOrThrow()
    for (const sha256 of [expired.sha256, live.sha256, formFile]) await writtenAt(sha256, longAgo)
    await writtenAt(orphanJustWritten, now)

    expect(await sweepUnreferencedFiles(testApp.db, testApp.storage, now)).toBe(1)
    expect(await testApp.storage.has(expired.sha256)).toBe(false)
    expect(await testApp.db.selectFrom('uploads').select('id').where('id', '=', expired.uploadId).execute()).toEqual([])
    expect(await testApp.storage.has(live.sha256)).toBe(true)
    expect(await testApp.storage.has(formFile)).toBe(true)
    expect(await testApp.storage.has(orphanJustWritten)).toBe(true)

    // Past the grace period, the orphan goes too; a second sweep finds nothing more.
    expect(await sweepUnreferencedFiles(testApp.db, testApp.storage, new Date(now.getTime() + UNREFERENCED_FILE_GRACE_MS + HOUR_MS))).toBe(1)
    expect(await testApp.storage.has(orphanJustWritten)).toBe(false)
    expect(await sweepUnreferencedFiles(testApp.db, testApp.storage, new Date(now.getTime() + UNREFERENCED_FILE_GRACE_MS + HOUR_MS))).toBe(0)
    expect(await testApp.storage.has(live.sha256)).toBe(true)
  })

  it('keeps bytes shared with a live upload when another upload of the same content expires, and renews bytes written again', async () => {
    const now = new Date()
    const headers = await citizenHeaders(testApp.app)
    const bytes = ownPng()
    const first = (await upload(testApp.app, headers, bytes)).json<Upload>()
    await writtenAt(first.sha256, new Date(now.getTime() - 3 * HOUR_MS))
    // The same photo sent again renews the bytes: its new row may not be written yet when a sweep runs.
    const second = (await upload(testApp.app, headers, bytes)).json<Upload>()
    const renewed: Date[] = []
    for await (const file of storage().list()) if (file.sha256 === first.sha256) renewed.push(file.writtenAt)
    expect(renewed[0]!.getTime()).toBeGreaterThan(now.getTime() - HOUR_MS)
    expect(second.sha256).toBe(first.sha256)
    await testApp.db.deleteFrom('uploads').where('id', '=', first.uploadId).execute()
    await testApp.db.deleteFrom('uploads').where('id', '=', second.uploadId).execute()
    expect(await sweepUnreferencedFiles(testApp.db, testApp.storage, now)).toBe(0)
    expect(await testApp.storage.has(first.sha256)).toBe(true)
  })
})
