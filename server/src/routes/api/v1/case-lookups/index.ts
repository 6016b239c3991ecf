import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CASE_LOOKUP_FAILED_MESSAGE, CaseLookupInput, CaseLookupResult } from '../../../../../../contract/case-lookup.ts'
import { lookUpCase } from '../../../../case-lookup/lookup-case.ts'
import { ApiError } from '../../../../http-errors.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

/** 办件查询: a case's progress by its number and a verification, for anyone who has both. */
const caseLookups: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '',
    {
      schema: {
        operationId: 'lookUpCase',
        tags: ['applications'],
        summary: 'Look a case up by its number and a verification (办件查询): its progress, without personal data',
        description:
          'Public. verification: last 4 digits of a phone of the case (a phone field of the form, or the submitting account’s mobile) or last 6 characters of an ID number of the form. ' +
          'Every failure answers the same 404 CASE_LOOKUP_FAILED, whether the case does not exist or the verification is wrong. ' +
          '429 CASE_LOOKUP_RATE_LIMITED with Retry-After: 10 tries per client address per 15 minutes, 5 wrong tries per case number per hour.',
        body: CaseLookupInput,
        response: { 200: CaseLookupResult, ...errorResponses(...commonErrors, ...bodyErrors, 404) },
      },
    },
    async (request, reply) => {
      const outcome = await fastify.db
        .transaction()
        .execute((trx) => lookUpCase(trx, { input: request.body, clientAddress: request.ip, now: new Date() }))
      reply.header('cache-control', 'no-store')
      if (outcome.kind === 'rate_limited') {
        reply.header('retry-after', String(outcome.retryAfterSeconds))
        throw new ApiError(429, 'CASE_LOOKUP_RATE_LIMITED', `查询次数过多，请在 ${Math.ceil(outcome.retryAfterSeconds / 60)} 分钟后再试`)
      }
      if (outcome.kind === 'not_found') throw new ApiError(404, 'CASE_LOOKUP_FAILED', CASE_LOOKUP_FAILED_MESSAGE)
      return reply.send(outcome.result)
    },
  )
}

export default caseLookups
