import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Upload } from '../../../contract/applications.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { citizenHeaders, pdfBytes, pngBytes, upload } from './application-factories.ts'

let testApp: TestApp
let headers: Record<string, string>
beforeAll(async () => {
  testApp = await buildTestApp({ UPLOAD_MAX_BYTES: String(256 * 1024) })
  headers = await citizenHeaders(testApp.app)
})
afterAll(() => testApp.close())

const uploadCount = async () => (await testApp.countRows()).uploads ?? 0
const jpegBytes = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(100, 7)])
const webpBytes = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(32, 3)])

describe('POST /api/v1/uploads', () => {
  it('stores the bytes by their hash and answers the upload, owned by the caller and expiring unless attached', async () => {
    const response = await upload(testApp.app, headers, pdfBytes, { fileName: '户口簿 首页.pdf', contentType: 'application/pdf' })
    expect(response.statusCode, response.body).toBe(201)
    const answer = response.json<Upload>()
    expect(answer).toMatchObject({ mediaType: 'application/pdf', bytes: pdfBytes.byteLength, fileName: '户口簿 首页.pdf' })
    expect(new Date(answer.expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000)
    expect(await testApp.storage.has(answer.sha256)).toBe(true)
    const row = await testApp.db.selectFrom('uploads').selectAll().where('id', '=', answer.uploadId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ sha256: answer.sha256, case_id: null })
    // Uploads are personal: never served by the public files route.
    expect((await testApp.app.inject(`/api/v1/files/${answer.sha256}/${encodeURIComponent(answer.fileName)}`)).statusCode).toBe(404)
  })

  it('accepts JPEG, PNG and WEBP pictures', async () => {
    for (const [bytes, contentType, mediaType] of [[jpegBytes, 'image/jpeg', 'image/jpeg'], [pngBytes, 'image/png', 'image/png'], [webpBytes, 'image/webp', 'image/webp']] as const) {
      const response = await upload(testApp.app, headers, bytes, { fileName: 'photo', contentType })
      expect(response.statusCode, response.body).toBe(201)
      expect(response.json<Upload>()).toMatchObject({ mediaType, fileName: `photo${mediaType === 'image/jpeg' ? '.jpg' : `.${mediaType.slice(6)}`}` })
    }
  })

  it('stores PNG bytes sent as a .pdf as the PNG they are, its name corrected', async () => {
    const response = await upload(testApp.app, headers, pngBytes, { fileName: '户口簿.pdf', contentType: 'application/pdf' })
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json<Upload>()).toMatchObject({ mediaType: 'image/png', fileName: '户口簿.png' })
  })

  it('refuses a text file renamed .jpg with 415, writing nothing', async () => {
    const before = await uploadCount()
    const response = await upload(testApp.app, headers, Buffer.from('这不是一张图片，只是一段文字。'), { fileName: '身份证.jpg', contentType: 'image/jpeg' })
    expectErrorBody(response, 415, 'UPLOAD_TYPE_REFUSED')
    expect(await uploadCount()).toBe(before)
  })

  it('reads the type from the bytes whatever the Content-Type says (application/octet-stream included)', async () => {
    const response = await upload(testApp.app, headers, pdfBytes, { fileName: '申请表', contentType: 'application/octet-stream' })
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json<Upload>()).toMatchObject({ mediaType: 'application/pdf', fileName: '申请表.pdf' })
  })

  it('refuses other files (SVG, text sent as text/plain) and JSON bodies with 415', async () => {
    expectErrorBody(await upload(testApp.app, headers, Buffer.from('<svg/>'), { contentType: 'image/svg+xml' }), 415, 'UPLOAD_TYPE_REFUSED')
    expectErrorBody(await upload(testApp.app, headers, Buffer.from('hello'), { contentType: 'text/plain' }), 415, 'UPLOAD_TYPE_REFUSED')
    const json = await testApp.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { ...headers, 'x-file-name': 'a.png' }, payload: { bytes: 'x' } })
    expectErrorBody(json, 415, 'UNSUPPORTED_MEDIA_TYPE')
  })

  it('refuses a body above UPLOAD_MAX_BYTES with 413', async () => {
    const before = await uploadCount()
    const large = Buffer.concat([pngBytes, Buffer.alloc(300 * 1024)])
    expectErrorBody(await upload(testApp.app, headers, large), 413)
    expect(await uploadCount()).toBe(before)
  })

  it('refuses an empty file and a name that is not percent-encoded', async () => {
    expectErrorBody(await upload(testApp.app, headers, Buffer.alloc(0)), 400)
    const badName = await testApp.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { ...headers, 'content-type': 'image/png', 'x-file-name': '%E6%88' }, payload: pngBytes })
    expectErrorBody(badName, 400, 'FILE_NAME_INVALID')
  })

  it('needs a signed-in citizen and the CSRF token', async () => {
    expectErrorBody(await upload(testApp.app, {}, pngBytes), 401)
    expectErrorBody(await upload(testApp.app, { cookie: headers.cookie! }, pngBytes), 403, 'CSRF_TOKEN_INVALID')
  })
})

describe('upload limits by type', () => {
  it('holds pictures to 5 MB even when UPLOAD_MAX_BYTES allows more', async () => {
    const roomy = await buildTestApp()
    try {
      const citizen = { headers: await citizenHeaders(roomy.app) }
      const picture = Buffer.concat([pngBytes, Buffer.alloc(6 * 1024 * 1024)])
      const body = expectErrorBody(await upload(roomy.app, citizen.headers, picture), 413, 'UPLOAD_TOO_LARGE')
      expect(body.message).toBe('文件过大：图片不能超过 5 MB')
    } finally {
      await roomy.close()
    }
  })
})
