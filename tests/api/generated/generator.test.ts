// The generated suites must be able to fail: here they run against a tiny fixture app with
// deliberately defective routes, and must report each defect (and nothing on the sound routes).
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IdempotencyKeyHeader } from '../../../contract/common.ts'
import { ErrorBody } from '../../../contract/errors.ts'
import { ApiError } from '../../../server/src/http-errors.ts'
import auth from '../../../server/src/plugins/auth.ts'
import errors from '../../../server/src/plugins/errors.ts'
import rateLimit from '../../../server/src/plugins/rate-limit.ts'
import staticFiles from '../../../server/src/plugins/static-files.ts'
import swagger from '../../../server/src/plugins/swagger.ts'
import { createValidatorCompiler } from '../../../server/src/validation.ts'
import { accessProblems, badInputCases, rejectionProblems, type SuiteTarget } from '../support/generated/bad-input.ts'
import { operationsOf, type Operation } from '../support/generated/openapi-operations.ts'

const Strict = Type.Object({ name: Type.String({ minLength: 1 }) }, { additionalProperties: false })
// Lets unknown fields through: the defect the "unknown body field" case must catch.
const Lenient = Type.Object({ name: Type.String({ minLength: 1 }) })
const citizen = [{ citizenSession: [] }]

/** Stands in for a database table: the count the suites compare before and after. */
let fixtureRows = 0

async function fixtureApp(options: { enforceSecurity: boolean }): Promise<FastifyInstance> {
  const app = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>()
  app.setValidatorCompiler(createValidatorCompiler())
  app.removeContentTypeParser('text/plain')
  app.addSchema(ErrorBody)
  await app.register(rateLimit, { max: 100_000 })
  await app.register(swagger)
  if (options.enforceSecurity) await app.register(auth)
  await app.register(staticFiles, { root: join(tmpdir(), 'kdl-no-static-files') })
  await app.register(errors, { notFoundPerMinute: 100_000 })
  const errorResponse = { 400: Type.Ref('ErrorBody') }
  const write = { headers: IdempotencyKeyHeader, response: { 201: Type.Object({ ok: Type.Boolean() }), ...errorResponse } }

  app.post('/sound', { schema: { operationId: 'sound', body: Strict, ...write } }, async (_request, reply) => reply.code(201).send({ ok: true }))
  app.post('/accepts-unknown-fields', { schema: { operationId: 'acceptsUnknownFields', body: Lenient, ...write } }, async (_request, reply) =>
    reply.code(201).send({ ok: true }),
  )
  app.post('/crashes-on-unknown-fields', { schema: { operationId: 'crashesOnUnknownFields', body: Lenient, ...write } }, async (request) => {
    if (Object.keys(request.body).length > 1) throw new Error('unexpected field reached the handler')
    return { ok: true }
  })
  app.post('/writes-then-refuses', { schema: { operationId: 'writesThenRefuses', body: Lenient, ...write } }, async () => {
    fixtureRows++
    throw new ApiError(422, 'REFUSED', '写入后才拒绝')
  })
  app.get('/protected-sound', { schema: { operationId: 'protectedSound', security: citizen } }, async () => {
    throw new ApiError(401, 'AUTHENTICATION_REQUIRED', '请先登录')
  })
  app.get('/protected-open', { schema: { operationId: 'protectedOpen', security: citizen } }, async () => ({ secret: '某位市民的数据' }))
  await app.ready()
  return app
}

let app: FastifyInstance
let operations: Operation[]
const target: SuiteTarget = {
  inject: (request) => app.inject(request),
  countRows: async () => ({ fixture_rows: fixtureRows }),
}
const operation = (operationId: string) => operations.find((candidate) => candidate.operationId === operationId)!

async function problemsOf(operationId: string): Promise<Record<string, string[]>> {
  const results: Record<string, string[]> = {}
  for (const badInput of badInputCases(operation(operationId))) results[badInput.title] = await rejectionProblems(target, badInput.request)
  return results
}

beforeAll(async () => {
  app = await fixtureApp({ enforceSecurity: false })
  operations = operationsOf((await app.inject('/api/openapi.json')).json())
})
afterAll(() => app.close())

describe('the bad-input suite', () => {
  it('derives the expected cases from a body schema and a required header', () => {
    expect(badInputCases(operation('sound')).map((badInput) => badInput.title)).toEqual([
      'header idempotency-key invalid (INVALID VALUE!)',
      'header idempotency-key missing',
      'body.name of a wrong type (12345)',
      'body.name missing',
      'an unknown body field',
      'malformed JSON',
      'a body that is not JSON',
      'an oversized body',
    ])
  })

  it('finds nothing wrong with a sound route', async () => {
    expect(Object.values(await problemsOf('sound')).flat()).toEqual([])
  })

  it('catches a route that answers 2xx to an unknown field', async () => {
    expect((await problemsOf('acceptsUnknownFields'))['an unknown body field']).toEqual([expect.stringMatching(/^answered 201/)])
  })

  it('catches a route that answers 500 to bad input', async () => {
    expect((await problemsOf('crashesOnUnknownFields'))['an unknown body field']).toEqual([expect.stringMatching(/^answered 500/)])
  })

  it('catches a route that writes a row before refusing', async () => {
    expect((await problemsOf('writesThenRefuses'))['an unknown body field']).toEqual(['rows written in fixture_rows'])
  })
})

describe('the access suite', () => {
  it('accepts a protected operation that refuses anonymous callers', async () => {
    expect(await accessProblems(target, operation('protectedSound'))).toEqual([])
  })

  it('catches a protected operation that answers anonymous callers', async () => {
    expect(await accessProblems(target, operation('protectedOpen'))).toEqual([expect.stringMatching(/^answered 200/)])
  })
})

describe('plugins/auth.ts', () => {
  it('makes every operation that declares `security` refuse anonymous callers', async () => {
    const enforced = await fixtureApp({ enforceSecurity: true })
    try {
      const enforcedTarget: SuiteTarget = { inject: (request) => enforced.inject(request), countRows: target.countRows }
      expect(await accessProblems(enforcedTarget, operation('protectedOpen'))).toEqual([])
      expect((await enforced.inject('/protected-open')).json()).toMatchObject({ code: 'AUTHENTICATION_REQUIRED', message: '请先登录' })
    } finally {
      await enforced.close()
    }
  })
})
