import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { Me } from '../../../../../../contract/auth.ts'
import { IdempotencyKeyHeader } from '../../../../../../contract/common.ts'
import {
  checkCompany,
  checkProfile,
  Company,
  CompanyInput,
  CompanyList,
  CompanyParams,
  MAX_COMPANIES,
  Profile,
  ProfileInput,
  type ProfileProblem,
} from '../../../../../../contract/profile.ts'
import { ApiError, notFound } from '../../../../http-errors.ts'
import { currentSession, signedInCitizen } from '../../../../plugins/auth.ts'
import { citizenCompaniesRepository } from '../../../../repositories/citizen-companies-repository.ts'
import { citizenProfilesRepository } from '../../../../repositories/citizen-profiles-repository.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'
import { meOf } from './me.ts'

const citizenOnly = [{ citizenSession: [] }]
const signedInErrors = [...commonErrors, 401] as const
const writeErrors = [...commonErrors, ...bodyErrors, 401, 403] as const

/** The clerk's rules refused a field: the same 400 shape as a schema error, pointing into the body. */
function refused(problems: ProfileProblem[]): ApiError {
  return new ApiError(
    400,
    'VALIDATION_FAILED',
    '提交的信息有误，请按提示修改后重试',
    problems.map((problem) => ({ path: `/body/${problem.field}`, message: problem.message })),
  )
}

/** Personal data: never kept by shared caches or the service worker. */
function personal(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'private, no-store')
}

/**
 * The signed-in citizen: who they are, their profile (我的资料) and the companies they act for.
 * Every query is scoped to the session's citizen, so another citizen's ids find nothing (404).
 */
const me: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      schema: {
        operationId: 'getMe',
        tags: ['me'],
        summary: 'Who is signed in (masked phone), with the CSRF token of the session',
        description: 'Answers 401 when nobody is signed in: the app uses it to learn whether a session is still alive.',
        security: citizenOnly,
        response: { 200: Me, ...errorResponses(...signedInErrors) },
      },
    },
    async (request, reply) => {
      const session = currentSession(request, 'citizen')
      return personal(reply).send(meOf(signedInCitizen(request), session.token, session.expiresAt))
    },
  )

  fastify.get(
    '/profile',
    {
      schema: {
        operationId: 'getProfile',
        tags: ['me'],
        summary: 'My profile (我的资料): name, ID number, phone, address',
        description: 'The full ID number is returned to its owner only; the app masks it in views.',
        security: citizenOnly,
        response: { 200: Profile, ...errorResponses(...signedInErrors) },
      },
    },
    async (request, reply) => personal(reply).send(await citizenProfilesRepository(fastify.db).find(signedInCitizen(request))),
  )

  fastify.put(
    '/profile',
    {
      schema: {
        operationId: 'saveProfile',
        tags: ['me'],
        summary: 'Save my profile (the whole profile; null clears a field)',
        description: 'ID numbers are checked against GB 11643 (check character and birth date), phones as mainland mobile numbers; errors in Chinese per field.',
        security: citizenOnly,
        body: ProfileInput,
        response: { 200: Profile, ...errorResponses(...writeErrors) },
      },
    },
    async (request, reply) => {
      const citizen = signedInCitizen(request)
      const check = checkProfile(request.body)
      if (!check.valid) throw refused(check.problems)
      return personal(reply).send(await citizenProfilesRepository(fastify.db).save(citizen.id, check.value, new Date()))
    },
  )

  fastify.get(
    '/companies',
    {
      schema: {
        operationId: 'listMyCompanies',
        tags: ['me'],
        summary: 'The companies I act for',
        security: citizenOnly,
        response: { 200: CompanyList, ...errorResponses(...signedInErrors) },
      },
    },
    async (request, reply) => personal(reply).send({ companies: await citizenCompaniesRepository(fastify.db, signedInCitizen(request).id).list() }),
  )

  fastify.post(
    '/companies',
    {
      schema: {
        operationId: 'addMyCompany',
        tags: ['me'],
        summary: 'Add a company I act for',
        description: `Idempotent (Idempotency-Key). The credit code is checked against GB 32100; one citizen keeps at most ${MAX_COMPANIES} companies, each credit code once (409).`,
        security: citizenOnly,
        headers: IdempotencyKeyHeader,
        body: CompanyInput,
        response: { 201: Company, ...errorResponses(...writeErrors, 409, 422) },
      },
    },
    async (request, reply) => {
      const citizen = signedInCitizen(request)
      const check = checkCompany(request.body)
      if (!check.valid) throw refused(check.problems)
      personal(reply)
      return fastify.idempotentWrite(request, reply, async (trx) => {
        const companies = citizenCompaniesRepository(trx, citizen.id)
        if ((await companies.count()) >= MAX_COMPANIES) throw new ApiError(422, 'TOO_MANY_COMPANIES', `最多只能保存 ${MAX_COMPANIES} 家单位`)
        if (await companies.hasCreditCode(check.value.creditCode)) throw new ApiError(409, 'COMPANY_EXISTS', '已保存过该统一社会信用代码的单位')
        return { statusCode: 201, body: await companies.create(check.value, new Date()) }
      })
    },
  )

  fastify.put(
    '/companies/:companyId',
    {
      schema: {
        operationId: 'updateMyCompany',
        tags: ['me'],
        summary: 'Change a company I act for',
        security: citizenOnly,
        params: CompanyParams,
        body: CompanyInput,
        response: { 200: Company, ...errorResponses(...writeErrors, 404, 409) },
      },
    },
    async (request, reply) => {
      const citizen = signedInCitizen(request)
      const check = checkCompany(request.body)
      if (!check.valid) throw refused(check.problems)
      const company = await fastify.db.transaction().execute(async (trx) => {
        const companies = citizenCompaniesRepository(trx, citizen.id)
        if (await companies.hasCreditCode(check.value.creditCode, request.params.companyId)) {
          throw new ApiError(409, 'COMPANY_EXISTS', '已保存过该统一社会信用代码的单位')
        }
        return companies.update(request.params.companyId, check.value, new Date())
      })
      if (!company) throw notFound('未找到该单位')
      return personal(reply).send(company)
    },
  )

  fastify.delete(
    '/companies/:companyId',
    {
      schema: {
        operationId: 'deleteMyCompany',
        tags: ['me'],
        summary: 'Remove a company I act for',
        security: citizenOnly,
        params: CompanyParams,
        response: { 204: Type.Null({ description: 'Removed.' }), ...errorResponses(...commonErrors, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const removed = await citizenCompaniesRepository(fastify.db, signedInCitizen(request).id).delete(request.params.companyId)
      if (!removed) throw notFound('未找到该单位')
      return reply.code(204).send(null)
    },
  )
}

export default me
