// Generated from the served OpenAPI document: every operation, present and future, gets wrong
// types, missing required fields, an unknown field, malformed/non-JSON and oversized bodies, and
// invalid or missing parameters. Each must answer 4xx in the ErrorBody shape and write no row.
// Protected operations are called signed in as a caller they let in (support/generated/principals.ts),
// so the bad input reaches validation instead of stopping at 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { badInputCases, rejectionProblems, validRequest, type SuiteTarget } from '../support/generated/bad-input.ts'
import { operationsOf } from '../support/generated/openapi-operations.ts'
import { generatedSuiteEnv, principals, withHeaders } from '../support/generated/principals.ts'
import { buildTestApp } from '../support/test-app.ts'

const testApp = await buildTestApp(generatedSuiteEnv)
afterAll(() => testApp.close())

const target: SuiteTarget = { inject: (request) => testApp.app.inject(request), countRows: () => testApp.countRows() }
const operations = operationsOf((await testApp.app.inject('/api/openapi.json')).json())
const callers = principals(testApp)

it('finds the operations to check in the OpenAPI document', () => {
  expect(operations.map((operation) => operation.operationId)).toContain('createInaccuracyReport')
})

for (const operation of operations) {
  describe(`${operation.method} ${operation.path} (${operation.operationId})`, () => {
    const cases = badInputCases(operation)
    let caller: Record<string, string> = {}
    beforeAll(async () => {
      caller = await callers.allowed(operation)
    })
    // Proves the synthesised base request is valid (its `examples` name seeded data), so each
    // case below fails for the one reason it names.
    it('accepts the synthesised valid request', async () => {
      const response = await testApp.app.inject(await callers.prepare(operation, withHeaders(validRequest(operation), caller)))
      expect(response.statusCode, response.body).toBeLessThan(300)
    })
    for (const badInput of cases) {
      it(`rejects ${badInput.title}`, async () => {
        expect(await rejectionProblems(target, withHeaders(badInput.request, caller))).toEqual([])
      })
    }
  })
}
