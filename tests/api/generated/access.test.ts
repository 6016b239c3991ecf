// Generated from the served OpenAPI document: every operation whose `security` is non-empty
// (the convention in server/src/routes/api/v1/index.ts) is called anonymously and must answer
// 401/403 in the ErrorBody shape, writing nothing.
import { afterAll, describe, expect, it } from 'vitest'
import { accessProblems, type SuiteTarget } from '../support/generated/bad-input.ts'
import { isProtected, operationsOf } from '../support/generated/openapi-operations.ts'
import { buildTestApp } from '../support/test-app.ts'

const testApp = await buildTestApp()
afterAll(() => testApp.close())

const target: SuiteTarget = { inject: (request) => testApp.app.inject(request), countRows: () => testApp.countRows() }
const document = (await testApp.app.inject('/api/openapi.json')).json()
const operations = operationsOf(document)

it('reads the security schemes that protected operations refer to', () => {
  expect(Object.keys(document.components.securitySchemes)).toEqual(['citizenSession', 'staffSession'])
  expect(operations.length).toBeGreaterThan(0)
})

describe('protected operations refuse anonymous callers', () => {
  const protectedOperations = operations.filter(isProtected)
  it(`found ${protectedOperations.length} protected operation(s)`, () => {
    expect(protectedOperations.every((operation) => operation.security.length > 0)).toBe(true)
  })
  for (const operation of protectedOperations) {
    it(`${operation.method} ${operation.path} (${operation.operationId})`, async () => {
      expect(await accessProblems(target, operation)).toEqual([])
    })
  }
})
