import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { VapidDetails } from '../../../server/src/notifications/vapid-keys.ts'
import type { PushMessage, VapidPublicKey } from '../../../contract/notifications.ts'
import { loadConfig } from '../../../server/src/config.ts'
import { notifyCitizen } from '../../../server/src/notifications/notify-citizen.ts'
import { loadVapidDetails } from '../../../server/src/notifications/vapid-keys.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { signInCitizen, type SignedInCitizen } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'

const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(buffer: Buffer, params: { version: 'aes128gcm'; privateKey: ReturnType<typeof createECDH>; authSecret: string }): Buffer
}

interface ReceivedPush {
  path: string
  headers: IncomingHttpHeaders
  body: Buffer
}

/** A push service on 127.0.0.1: records what arrives and answers `status` (201 by default). */
let pushService: Server
let pushServiceOrigin: string
let received: ReceivedPush[] = []
let answerStatus = 201

let testApp: TestApp
let vapid: VapidDetails
beforeAll(async () => {
  pushService = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) })
      response.statusCode = answerStatus
      response.end()
    })
  })
  await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve))
  pushServiceOrigin = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}`
  testApp = await buildTestApp({ PUSH_ALLOW_HTTP_ENDPOINTS: 'true' })
  vapid = await testApp.app.vapidDetails()
})
afterAll(async () => {
  await testApp.close()
  await new Promise((resolve) => pushService.close(resolve))
})
afterEach(() => {
  received = []
  answerStatus = 201
})

/** A browser's subscription: its own P-256 key pair and auth secret, as PushManager makes them. */
function browserSubscription(name = randomBytes(6).toString('hex')) {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  const auth = randomBytes(16).toString('base64url')
  return {
    ecdh,
    auth,
    json: { endpoint: `${pushServiceOrigin}/push/${name}`, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth } },
  }
}

const subscribe = (who: SignedInCitizen, payload: object) =>
  testApp.app.inject({ method: 'PUT', url: '/api/v1/me/push-subscriptions', headers: who.headers, payload })
const unsubscribe = (who: SignedInCitizen, endpoint: string) =>
  testApp.app.inject({ method: 'DELETE', url: '/api/v1/me/push-subscriptions', headers: who.headers, payload: { endpoint } })
const subscriptionsOf = (who: SignedInCitizen) =>
  testApp.db.selectFrom('push_subscriptions').select(['endpoint', 'failure_count', 'last_failure']).where('citizen_id', '=', who.me.id).execute()

async function notify(who: SignedInCitizen, title = '已受理', caseNumber: string | null = 'KDL-20261125-0001'): Promise<string> {
  return testApp.db.transaction().execute((trx) => notifyCitizen(trx, { citizenId: who.me.id, kind: 'case_status', caseNumber, title, body: '您的申请已受理，请留意办理进度。' }))
}

/** Checks the VAPID JWT (ES256) against the server's public key; answers its claims. */
function verifiedVapidClaims(authorization: string | undefined, publicKey: string): Record<string, unknown> {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '')
  expect(match, authorization).not.toBeNull()
  const [, token = '', key = ''] = match!
  expect(key).toBe(publicKey)
  const [header = '', claims = '', signature = ''] = token.split('.')
  const point = Buffer.from(key, 'base64url')
  const jwk = { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') }
  const valid = verify('sha256', Buffer.from(`${header}.${claims}`), { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))
  expect(valid).toBe(true)
  expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'ES256' })
  return JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>
}

describe('the VAPID public key', () => {
  it('is public and the one pushes are signed with', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/push/vapid-public-key' })
    expect(response.statusCode).toBe(200)
    const { publicKey } = response.json<VapidPublicKey>()
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65)
    expect(publicKey).toBe(vapid.publicKey)
  })

  it('is generated once and kept in DATA_DIR, so subscriptions survive a restart; configured keys win', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kdl-vapid-'))
    try {
      const config = loadConfig({ DATA_DIR: dataDir })
      const first = await loadVapidDetails(config)
      const again = await loadVapidDetails(config)
      expect(again).toEqual(first)
      expect((await stat(join(dataDir, 'vapid-keys.json'))).mode & 0o077).toBe(0)
      expect(JSON.parse(await readFile(join(dataDir, 'vapid-keys.json'), 'utf8'))).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey })

      const configured = await loadVapidDetails(
        loadConfig({ DATA_DIR: dataDir, VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: 'mailto:zwfw@example.gov.cn' }),
      )
      expect(configured).toEqual({ publicKey: vapid.publicKey, privateKey: vapid.privateKey, subject: 'mailto:zwfw@example.gov.cn' })
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it('must be configured as a pair', () => {
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: vapid.publicKey })).toThrow(/VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY/)
  })
})

describe('push subscriptions', () => {
  it('need a signed-in citizen', async () => {
    const { json } = browserSubscription()
    expectErrorBody(await testApp.app.inject({ method: 'PUT', url: '/api/v1/me/push-subscriptions', payload: json }), 401)
  })

  it('are saved, moved to whoever subscribes the same browser next, and removed by their owner only', async () => {
    const first = await signInCitizen(testApp.app)
    const second = await signInCitizen(testApp.app)
    const { json } = browserSubscription()
    expect((await subscribe(first, json)).statusCode).toBe(204)
    expect((await subscribe(first, json)).statusCode).toBe(204)
    expect(await subscriptionsOf(first)).toEqual([{ endpoint: json.endpoint, failure_count: 0, last_failure: null }])

    expect((await subscribe(second, json)).statusCode).toBe(204)
    expect(await subscriptionsOf(first)).toEqual([])
    expect(await subscriptionsOf(second)).toHaveLength(1)

    expect((await unsubscribe(first, json.endpoint)).statusCode).toBe(204)
    expect(await subscriptionsOf(second)).toHaveLength(1)
    expect((await unsubscribe(second, json.endpoint)).statusCode).toBe(204)
    expect(await subscriptionsOf(second)).toEqual([])
    expect((await unsubscribe(second, json.endpoint)).statusCode).toBe(204)
  })

  it('refuses keys that are not a browser’s', async () => {
    const citizen = await signInCitizen(testApp.app)
    const { json } = browserSubscription()
    expectErrorBody(await subscribe(citizen, { ...json, keys: { p256dh: 'short', auth: json.keys.auth } }), 400, 'VALIDATION_FAILED')
    expectErrorBody(await subscribe(citizen, { endpoint: json.endpoint }), 400, 'VALIDATION_FAILED')
    expect(await subscriptionsOf(citizen)).toEqual([])
  })

  it('must be https on a push service’s host name where the server is not set up for a local test push service', async () => {
    const strict = await buildTestApp()
    try {
      const citizen = await signInCitizen(strict.app)
      const { json } = browserSubscription()
      const response = await strict.app.inject({ method: 'PUT', url: '/api/v1/me/push-subscriptions', headers: citizen.headers, payload: json })
      expect(expectErrorBody(response, 400, 'VALIDATION_FAILED').details).toEqual([{ path: '/body/endpoint', message: '推送地址必须使用 https' }])
      for (const endpoint of ['https://127.0.0.1/push', 'https://localhost:8443/push', 'https://[::1]/push', 'https://intranet/push']) {
        const refused = await strict.app.inject({ method: 'PUT', url: '/api/v1/me/push-subscriptions', headers: citizen.headers, payload: { ...json, endpoint } })
        expect(expectErrorBody(refused, 400, 'VALIDATION_FAILED').details, endpoint).toEqual([{ path: '/body/endpoint', message: '推送地址必须是推送服务的域名' }])
      }
      const real = await strict.app.inject({ method: 'PUT', url: '/api/v1/me/push-subscriptions', headers: citizen.headers, payload: { ...json, endpoint: 'https://fcm.googleapis.com/fcm/send/abc' } })
      expect(real.statusCode).toBe(204)
    } finally {
      await strict.close()
    }
  })
})

describe('Web Push delivery', () => {
  it('posts the notification to each of the citizen’s browsers, VAPID-signed and aes128gcm-encrypted', async () => {
    const citizen = await signInCitizen(testApp.app)
    const phone = browserSubscription('phone')
    const tablet = browserSubscription('tablet')
    await subscribe(citizen, phone.json)
    await subscribe(citizen, tablet.json)
    const bystander = await signInCitizen(testApp.app)
    await subscribe(bystander, browserSubscription('bystander').json)

    const id = await notify(citizen, '需要补正材料')
    await testApp.app.pushSender.drain()

    expect(received.map((push) => push.path).toSorted()).toEqual(['/push/phone', '/push/tablet'])
    const push = received.find((candidate) => candidate.path === '/push/phone')!
    expect(push.headers['content-encoding']).toBe('aes128gcm')
    expect(push.headers['content-type']).toBe('application/octet-stream')
    expect(Number(push.headers.ttl)).toBeGreaterThan(0)
    const claims = verifiedVapidClaims(push.headers.authorization, vapid.publicKey)
    expect(claims).toMatchObject({ aud: pushServiceOrigin, sub: expect.stringMatching(/^(mailto:|https:)/) })
    expect(claims.exp).toBeGreaterThan(Date.now() / 1000)

    expect(push.body.includes(Buffer.from('需要补正材料'))).toBe(false)
    const message = JSON.parse(ece.decrypt(push.body, { version: 'aes128gcm', privateKey: phone.ecdh, authSecret: phone.auth }).toString('utf8')) as PushMessage
    expect(message).toEqual({
      id,
      kind: 'case_status',
      title: '需要补正材料',
      body: '您的申请已受理，请留意办理进度。',
      caseNumber: 'KDL-20261125-0001',
      url: '/me/cases/KDL-20261125-0001',
    })

    // Offered once: a later drain sends nothing again.
    received = []
    await testApp.app.pushSender.drain()
    expect(received).toEqual([])
  })

  it('opens the notification centre for a notification without a case', async () => {
    const citizen = await signInCitizen(testApp.app)
    const browser = browserSubscription()
    await subscribe(citizen, browser.json)
    await notify(citizen, '回访结果', null)
    await testApp.app.pushSender.drain()
    const message = JSON.parse(ece.decrypt(received[0]!.body, { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.auth }).toString()) as PushMessage
    expect(message.url).toBe('/me/notifications')
  })

  it('removes a subscription the push service answers 410 Gone for, and keeps the notification', async () => {
    const citizen = await signInCitizen(testApp.app)
    const { json } = browserSubscription()
    await subscribe(citizen, json)
    answerStatus = 410
    const id = await notify(citizen)
    await testApp.app.pushSender.drain()
    expect(received).toHaveLength(1)
    expect(await subscriptionsOf(citizen)).toEqual([])
    const kept = await testApp.db.selectFrom('notifications').select(['id', 'read_at']).where('citizen_id', '=', citizen.me.id).execute()
    expect(kept).toEqual([{ id, read_at: null }])
  })

  it('keeps a subscription whose push service fails for now, noting the failure', async () => {
    const citizen = await signInCitizen(testApp.app)
    const { json } = browserSubscription()
    await subscribe(citizen, json)
    answerStatus = 503
    await notify(citizen)
    await testApp.app.pushSender.drain()
    expect(await subscriptionsOf(citizen)).toEqual([{ endpoint: json.endpoint, failure_count: 1, last_failure: 'HTTP 503' }])
  })

  it('survives a push service that cannot be reached', async () => {
    const citizen = await signInCitizen(testApp.app)
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const { json } = browserSubscription()
    await subscribe(citizen, { ...json, endpoint: `http://127.0.0.1:${port}/push/gone` })
    await notify(citizen)
    await expect(testApp.app.pushSender.drain()).resolves.toBeUndefined()
    const [subscription] = await subscriptionsOf(citizen)
    expect(subscription?.failure_count).toBe(1)
  })
})
