import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from './support/test-app.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

it('reports that the server and its database answer', async () => {
  const response = await testApp.app.inject('/api/health')
  expect(response.statusCode).toBe(200)
  expect(response.json()).toEqual({ status: 'ok', database: 'ok' })
})
