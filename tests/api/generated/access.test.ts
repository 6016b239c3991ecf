// Generated from the served OpenAPI document: every operation whose `security` is non-empty
// (the convention in server/src/plugins/auth.ts) is called anonymously, with the other kind of
// session, as staff of a role it does not allow, and (writes) without the CSRF token; each must
// answer 401/403 in the ErrorBody shape, writing nothing.
import { afterAll, describe, expect, it } from 'vitest'
import { accessProblems, rejectionProblems, validRequest, type SuiteTarget } from '../support/generated/bad-input.ts'
import { isProtected, operationsOf } from '../support/generated/openapi-operations.ts'
import { generatedSuiteEnv, principals, withHeaders } from '../support/generated/principals.ts'
import { buildTestApp } from '../support/test-app.ts'

const testApp = await buildTestApp(generatedSuiteEnv)
afterAll(() => testApp.close())

const target: SuiteTarget = { inject: (request) => testApp.app.inject(request), countRows: () => testApp.countRows() }
const document = (await testApp.app.inject('/api/openapi.json')).json()
const operations = operationsOf(document)
const callers = principals(testApp)

it('reads the security schemes that protected operations refer to', () => {
  expect(Object.keys(document.components.securitySchemes)).toEqual(['citizenSession', 'staffSession'])
  expect(operations.length).toBeGreaterThan(0)
})

describe('protected operations refuse anonymous callers', () => {
  const protectedOperations = operations.filter(isProtected)
  it(`found ${protectedOperations.length} protected operation(s)`, () => {
    expect(protectedOperations.map((operation) => operation.operationId)).toEqual(expect.arrayContaining(['getMe', 'getProfile', 'listStaffAccounts', 'importGuides']))
  })
  for (const operation of protectedOperations) {
    it(`${operation.method} ${operation.path} (${operation.operationId})`, async () => {
      expect(await accessProblems(target, operation)).toEqual([])
    })
  }
})

describe('protected operations refuse the wrong session, the wrong role and writes without the CSRF token', () => {
  for (const operation of operations.filter(isProtected)) {
    it(`${operation.method} ${operation.path} (${operation.operationId})`, async () => {
      for (const caller of await callers.refused(operation)) {
        const problems = await rejectionProblems(target, withHeaders(validRequest(operation), caller.headers), (status) => status === caller.status)
        expect(problems, `as ${caller.title}`).toEqual([])
      }
    })
  }
})
