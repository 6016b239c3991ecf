import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyBaseLogger } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { HttpSmsProvider, LogSmsProvider, SmsDeliveryError } from '../../../server/src/auth/sms/index.ts'
import { ConfigError, loadConfig } from '../../../server/src/config.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { randomMobile } from '../support/sign-in.ts'
import { buildTestApp } from '../support/test-app.ts'

/** A stand-in SMS gateway on 127.0.0.1 that records what it receives and answers as told. */
interface Gateway {
  url: string
  received: { headers: IncomingMessage['headers']; body: unknown }[]
  answer: { status: number; delayMs: number }
}

let server: Server
const gateway: Gateway = { url: '', received: [], answer: { status: 200, delayMs: 0 } }

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = ''
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
    request.on('end', () => {
      gateway.received.push({ headers: request.headers, body: JSON.parse(text) })
      setTimeout(() => response.writeHead(gateway.answer.status, { 'content-type': 'application/json' }).end('{"ok":true}'), gateway.answer.delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  gateway.received = []
  gateway.answer = { status: 200, delayMs: 0 }
})

describe('HttpSmsProvider', () => {
  const provider = () => new HttpSmsProvider({ url: gateway.url, token: 'gateway-secret', template: 'SMS_12345', timeoutMs: 500 })

  it('posts the number, code and template as JSON with the bearer token', async () => {
    await provider().sendSignInCode({ phone: '13800000000', code: '042517', expiresInMinutes: 5 })
    expect(gateway.received).toHaveLength(1)
    const [{ headers, body }] = gateway.received as [Gateway['received'][number]]
    expect(headers.authorization).toBe('Bearer gateway-secret')
    expect(headers['content-type']).toBe('application/json')
    expect(body).toEqual({ phone: '13800000000', code: '042517', template: 'SMS_12345', params: { code: '042517', minutes: 5 } })
  })

  it('fails with SmsDeliveryError when the gateway refuses, is slow or is unreachable', async () => {
    gateway.answer.status = 500
    await expect(provider().sendSignInCode({ phone: '13800000000', code: '000000', expiresInMinutes: 5 })).rejects.toThrow(SmsDeliveryError)
    gateway.answer = { status: 200, delayMs: 2000 }
    await expect(provider().sendSignInCode({ phone: '13800000000', code: '000000', expiresInMinutes: 5 })).rejects.toThrow(SmsDeliveryError)
    const nowhere = new HttpSmsProvider({ url: 'http://127.0.0.1:9/', template: 't', timeoutMs: 500 })
    await expect(nowhere.sendSignInCode({ phone: '13800000000', code: '000000', expiresInMinutes: 5 })).rejects.toThrow(SmsDeliveryError)
  })
})

describe('SMS_PROVIDER=http in the app', () => {
  it('sends sign-in codes through the gateway, and withdraws a code the gateway did not take', async () => {
    const testApp = await buildTestApp({ SEED_DEMO: 'false', SMS_PROVIDER: 'http', SMS_HTTP_URL: gateway.url, SMS_TEMPLATE: 'SMS_12345' })
    try {
      expect(testApp.app.sms.kind).toBe('http')
      const phone = randomMobile()
      expect((await testApp.app.inject({ method: 'POST', url: '/api/v1/auth/codes', payload: { phone } })).statusCode).toBe(202)
      const { code } = gateway.received[0]!.body as { code: string }
      const signIn = await testApp.app.inject({ method: 'POST', url: '/api/v1/auth/sessions', payload: { phone, code } })
      expect(signIn.statusCode, signIn.body).toBe(201)

      gateway.answer.status = 503
      const other = randomMobile()
      const failed = await testApp.app.inject({ method: 'POST', url: '/api/v1/auth/codes', payload: { phone: other } })
      expect(expectErrorBody(failed, 503, 'SMS_UNAVAILABLE').message).toBe('短信发送失败，请稍后再试')
      expect(await testApp.db.selectFrom('sign_in_codes').select('id').where('phone', '=', other).execute()).toEqual([])
      // The withdrawn code counted against no limit: asking again at once is fine.
      gateway.answer.status = 200
      expect((await testApp.app.inject({ method: 'POST', url: '/api/v1/auth/codes', payload: { phone: other } })).statusCode).toBe(202)
    } finally {
      await testApp.close()
    }
  })

  it('refuses SMS_PROVIDER=http without SMS_HTTP_URL at start-up', () => {
    expect(() => loadConfig({ SMS_PROVIDER: 'http' })).toThrow(ConfigError)
    expect(() => loadConfig({ SMS_PROVIDER: 'carrier-pigeon' })).toThrow(ConfigError)
  })
})

describe('LogSmsProvider', () => {
  it('logs the code with the number masked, and keeps the last codes for tests', async () => {
    const lines: unknown[][] = []
    const logger = { info: (...args: unknown[]) => lines.push(args) } as unknown as FastifyBaseLogger
    const provider = new LogSmsProvider(logger)
    await provider.sendSignInCode({ phone: '13812345678', code: '246810', expiresInMinutes: 5 })
    expect(lines).toHaveLength(1)
    expect(JSON.stringify(lines[0])).not.toContain('13812345678')
    expect(lines[0]![0]).toEqual({ to: '138****5678', signInCode: '246810' })
    expect(provider.lastCodeTo('13812345678')).toBe('246810')
  })
})
