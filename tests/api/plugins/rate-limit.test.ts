import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectErrorBody } from '../support/error-body.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp({ RATE_LIMIT_MAX: '3' })
})
afterAll(() => testApp.close())

it('answers requests over the limit with 429 in the error shape', async () => {
  const statuses = []
  for (let request = 0; request < 3; request++) statuses.push((await testApp.app.inject('/api/v1/halls')).statusCode)
  expect(statuses).toEqual([200, 200, 200])
  const body = expectErrorBody(await testApp.app.inject('/api/v1/halls'), 429, 'RATE_LIMITED')
  expect(body.message).toMatch(/^请求过于频繁/)
})

it('limits unknown API paths too, so guessing URLs is not free', async () => {
  const statuses = []
  for (let request = 0; request < 12; request++) statuses.push((await testApp.app.inject('/api/v1/guess-' + request)).statusCode)
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404))
  expectErrorBody(await testApp.app.inject('/api/v1/guess-again'), 429, 'RATE_LIMITED')
})
