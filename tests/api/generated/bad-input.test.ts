// Generated from the served OpenAPI document: every operation, present and future, gets wrong
// types, missing required fields, an unknown field, malformed/non-JSON and oversized bodies, and
// invalid or missing parameters. Each must answer 4xx in the ErrorBody shape and write no row.
import { afterAll, describe, expect, it } from 'vitest'
import { badInputCases, rejectionProblems, validRequest, type SuiteTarget } from '../support/generated/bad-input.ts'
import { isProtected, operationsOf } from '../support/generated/openapi-operations.ts'
import { buildTestApp } from '../support/test-app.ts'

const testApp = await buildTestApp()
afterAll(() => testApp.close())

const target: SuiteTarget = { inject: (request) => testApp.app.inject(request), countRows: () => testApp.countRows() }
const operations = operationsOf((await testApp.app.inject('/api/openapi.json')).json())

it('finds the operations to check in the OpenAPI document', () => {
  expect(operations.map((operation) => operation.operationId)).toContain('createInaccuracyReport')
})

for (const operation of operations) {
  describe(`${operation.method} ${operation.path} (${operation.operationId})`, () => {
    const cases = badInputCases(operation)
    // Proves the synthesised base request is valid (its `examples` name seeded data), so each
    // case below fails for the one reason it names.
    it('accepts the synthesised valid request', async () => {
      const response = await testApp.app.inject(validRequest(operation))
      if (isProtected(operation)) expect([401, 403]).toContain(response.statusCode)
      else expect(response.statusCode, response.body).toBeLessThan(300)
    })
    for (const badInput of cases) {
      it(`rejects ${badInput.title}`, async () => {
        expect(await rejectionProblems(target, badInput.request)).toEqual([])
      })
    }
  })
}
