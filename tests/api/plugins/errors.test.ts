import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectErrorBody } from '../support/error-body.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { idempotencyKey, inaccuracyReportInput } from '../v1/factories.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

const url = '/api/v1/inaccuracy-reports'

describe('one error shape for every 4xx', () => {
  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey() },
      payload: '{"hallId": ',
    })
    expect(expectErrorBody(response, 400, 'MALFORMED_JSON').message).toBe('请求内容不是有效的 JSON')
  })

  it('answers a non-JSON content type with 415', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'text/plain', 'idempotency-key': idempotencyKey() },
      payload: 'hello',
    })
    expectErrorBody(response, 415, 'UNSUPPORTED_MEDIA_TYPE')
  })

  it('answers a body over 64 KiB with 413', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url,
      headers: { 'idempotency-key': idempotencyKey() },
      payload: inaccuracyReportInput({ description: '很'.repeat(30_000) }),
    })
    expectErrorBody(response, 413, 'PAYLOAD_TOO_LARGE')
  })

  it('answers an unknown API path with a JSON 404', async () => {
    const body = expectErrorBody(await testApp.app.inject('/api/v1/no-such-thing'), 404, 'NOT_FOUND')
    expect(body.message).toBe('未找到请求的地址')
  })

  it('answers an unknown method on a known path with a JSON 404', async () => {
    expectErrorBody(await testApp.app.inject({ method: 'DELETE', url: '/api/v1/halls' }), 404, 'NOT_FOUND')
  })

  it('hides the details of a server fault', async () => {
    const failing = await buildTestApp()
    try {
      // Closing the database under the app makes the next query fail like an outage would.
      await failing.db.destroy()
      const body = expectErrorBody(await failing.app.inject('/api/v1/halls'), 500, 'INTERNAL_ERROR')
      expect(body.message).toBe('服务器内部错误，请稍后再试')
      expect(body.details).toBeUndefined()
    } finally {
      await failing.close().catch(() => {
        // The database is already closed on purpose; closing again may complain.
      })
    }
  })
})
