import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { formatOpenApi } from '../../server/src/plugins/swagger.ts'
import { buildTestApp, type TestApp } from './support/test-app.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

it('serves an OpenAPI 3.1 document', async () => {
  const response = await testApp.app.inject('/api/openapi.json')
  expect(response.statusCode).toBe(200)
  expect(response.json()).toMatchObject({ openapi: '3.1.0' })
})

it('matches the checked-in openapi.json', async () => {
  const served = formatOpenApi((await testApp.app.inject('/api/openapi.json')).json())
  const checkedIn = readFileSync(join(import.meta.dirname, '..', '..', 'openapi.json'), 'utf8')
  expect(checkedIn, 'openapi.json is stale: run `npm run openapi` and commit the result').toBe(served)
})

it('gives every operation an operationId, tags and error responses in the ErrorBody shape', async () => {
  const document = (await testApp.app.inject('/api/openapi.json')).json<{
    paths: Record<string, Record<string, { operationId?: string; tags?: string[]; responses: Record<string, unknown> }>>
  }>()
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      expect(operation.operationId, `${method} ${path}`).toBeTruthy()
      expect(operation.tags?.length, `${method} ${path}`).toBeGreaterThan(0)
      const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400)
      expect(errors.length, `${method} ${path}`).toBeGreaterThan(0)
      for (const [status, response] of errors) {
        expect(JSON.stringify(response), `${method} ${path} ${status}`).toContain('#/components/schemas/ErrorBody')
      }
    }
  }
})
