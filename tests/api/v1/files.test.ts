import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ServiceItem } from '../../../contract/guides.ts'
import { storedFilesRepository } from '../../../server/src/repositories/stored-files-repository.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

const fixturePdf = join(import.meta.dirname, '..', 'fixtures', 'forms', 'social-organisation-application.pdf')
const fileName = '社会团体成立登记申请书（空白表格）.pdf'

async function fixtureRef() {
  const item = (await testApp.app.inject('/api/v1/items/1115020300003700100001')).json<ServiceItem>()
  const ref = (item.guide.materials ?? []).find((material) => material.id === 'application')?.blankForm
  if (!ref) throw new Error('the fixture catalogue has lost its blank form')
  return ref
}

it('serves the seeded blank form with its type, length, immutable caching, ETag and a UTF-8 attachment name', async () => {
  const ref = await fixtureRef()
  const bytes = await readFile(fixturePdf)
  expect(ref).toMatchObject({ fileName, mediaType: 'application/pdf', bytes: bytes.byteLength })
  const response = await testApp.app.inject(ref.url)
  expect(response.statusCode).toBe(200)
  expect(response.headers['content-type']).toBe('application/pdf')
  expect(Number(response.headers['content-length'])).toBe(bytes.byteLength)
  expect(response.rawPayload).toEqual(bytes)
  expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(response.headers.etag).toBe(`"${ref.sha256}"`)
  expect(response.headers['x-content-type-options']).toBe('nosniff')
  expect(response.headers['content-disposition']).toBe(`attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
})

it('answers 304 to a matching If-None-Match', async () => {
  const ref = await fixtureRef()
  const response = await testApp.app.inject({ url: ref.url, headers: { 'if-none-match': `"${ref.sha256}"` } })
  expect(response.statusCode).toBe(304)
  expect(response.body).toBe('')
  expect(response.headers.etag).toBe(`"${ref.sha256}"`)
})

it('answers inline with ?inline=1 for a PDF, and lets only the app itself frame it', async () => {
  const ref = await fixtureRef()
  const response = await testApp.app.inject(`${ref.url}?inline=1`)
  expect(response.statusCode).toBe(200)
  expect(response.headers['content-disposition']).toMatch(/^inline; /)
  expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'")
})

it('keeps `attachment` for ?inline=1 on a type the browser cannot preview', async () => {
  const docx = await readFile(join(import.meta.dirname, '..', '..', '..', 'server', 'seed', 'forms', 'power-of-attorney', 'blank.docx'))
  const ref = await testApp.storage.put(docx, { fileName: '授权委托书（空白表格）.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
  await storedFilesRepository(testApp.db).record(ref)
  const response = await testApp.app.inject(`${ref.url}?inline=1`)
  expect(response.statusCode).toBe(200)
  expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  expect(response.headers['content-disposition']).toMatch(/^attachment; /)
})

it('answers 404 in the error shape for an unknown hash and for a name the file is not referenced by', async () => {
  const ref = await fixtureRef()
  const unknown = await testApp.app.inject(`/api/v1/files/${'0'.repeat(64)}/${encodeURIComponent(fileName)}`)
  expectErrorBody(unknown, 404, 'NOT_FOUND')
  expect(unknown.json().message).toBe('未找到该文件')
  const renamed = await testApp.app.inject(`/api/v1/files/${ref.sha256}/${encodeURIComponent('其他名称.pdf')}`)
  expectErrorBody(renamed, 404, 'NOT_FOUND')
  expect(renamed.json().message).toBe('未找到该文件')
})

it('answers 400 for a malformed hash', async () => {
  const response = await testApp.app.inject(`/api/v1/files/abc/${encodeURIComponent(fileName)}`)
  expectErrorBody(response, 400)
})
