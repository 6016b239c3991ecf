import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ApplicationErrorExtras, CaseDetail, CaseList, CaseParams } from '../../../../../../contract/applications.ts'
import { CorrectionResponseInput } from '../../../../../../contract/case-lifecycle.ts'
import { IdempotencyKeyHeader } from '../../../../../../contract/common.ts'
import { caseDetail, caseSummary } from '../../../../applications/case-views.ts'
import { ApplicationInvalidError } from '../../../../applications/submit-application.ts'
import { answerCorrection, CorrectionIncompleteError } from '../../../../cases/answer-correction.ts'
import { errorBody, notFound } from '../../../../http-errors.ts'
import { signedInCitizen } from '../../../../plugins/auth.ts'
import { casesRepository } from '../../../../repositories/cases-repository.ts'
import { shanghaiDate } from '../../../../time.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

const citizenOnly = [{ citizenSession: [] }]

/** 我的办件: the signed-in citizen's cases; every query is scoped to them, so others' cases are 404. */
const myCases: FastifyPluginAsyncTypebox = async (fastify) => {
  const view = () => ({ calendar: fastify.workingDays, today: shanghaiDate(new Date()), viewer: 'applicant' as const })

  fastify.get(
    '',
    {
      schema: {
        operationId: 'listMyCases',
        tags: ['applications'],
        summary: 'My cases (我的办件), newest first, with status and deadlines',
        description: 'No personal data: case number, item, status, dates, the statutory and promised deadlines as of today (days left, overdue, paused).',
        security: citizenOnly,
        response: { 200: CaseList, ...errorResponses(...commonErrors, 401) },
      },
    },
    async (request, reply) => {
      const stored = await casesRepository(fastify.db).listForCitizen(signedInCitizen(request).id)
      const context = view()
      return reply.header('cache-control', 'private, no-store').send({ cases: stored.map((entry) => caseSummary(entry, context)) })
    },
  )

  fastify.get(
    '/:caseNumber',
    {
      schema: {
        operationId: 'getMyCase',
        tags: ['applications'],
        summary: 'One of my cases: the form as submitted, materials, timeline, deadlines, correction request, refusal or result',
        description: '404 for a case number that is not one of the caller’s cases, whether or not it exists.',
        security: citizenOnly,
        params: CaseParams,
        response: { 200: CaseDetail, ...errorResponses(...commonErrors, 401, 404) },
      },
    },
    async (request, reply) => {
      const stored = await casesRepository(fastify.db).find(request.params.caseNumber, { citizenId: signedInCitizen(request).id })
      if (!stored) throw notFound('未找到该办件，请核对办件编号')
      return reply.header('cache-control', 'private, no-store').send(caseDetail(stored, view()))
    },
  )

  fastify.post(
    '/:caseNumber/correction-response',
    {
      schema: {
        operationId: 'answerMyCaseCorrection',
        tags: ['applications'],
        summary: 'Answer the open correction request (补正) of one of my cases: new uploads and field values; moves it to resubmitted',
        description:
          'Idempotent: a retry with the same Idempotency-Key and body answers the first result and changes nothing more. ' +
          'Every requested material needs new uploads (the caller’s own, unexpired, unattached) and every requested field a value. ' +
          '404 not the caller’s case; 409 CASE_TRANSITION_NOT_ALLOWED no correction pending; ' +
          '422 CORRECTION_INCOMPLETE / APPLICATION_INVALID (fieldErrors, materials under materials.<id>), IDEMPOTENCY_KEY_REUSED.',
        security: citizenOnly,
        headers: IdempotencyKeyHeader,
        params: CaseParams,
        body: CorrectionResponseInput,
        response: {
          200: CaseDetail,
          ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 404, 409),
          422: Type.Intersect([Type.Ref('ErrorBody'), ApplicationErrorExtras], {
            description: 'CORRECTION_INCOMPLETE or APPLICATION_INVALID with fieldErrors; IDEMPOTENCY_KEY_REUSED.',
          }),
        },
      },
    },
    async (request, reply) => {
      const citizenId = signedInCitizen(request).id
      try {
        const detail = await fastify.idempotentWrite(request, reply, async (trx) => {
          const now = new Date()
          const outcome = await answerCorrection(trx, request.params.caseNumber, request.body, citizenId, { calendar: fastify.workingDays, now })
          return { statusCode: 200, body: caseDetail(outcome.after, { calendar: fastify.workingDays, today: shanghaiDate(now), viewer: 'applicant' }) }
        })
        return reply.header('cache-control', 'private, no-store').send(detail)
      } catch (error) {
        if (error instanceof CorrectionIncompleteError || error instanceof ApplicationInvalidError) {
          return reply.code(422).send({ ...errorBody(422, error.code, error.message), fieldErrors: error.fieldErrors })
        }
        throw error
      }
    },
  )
}

export default myCases
