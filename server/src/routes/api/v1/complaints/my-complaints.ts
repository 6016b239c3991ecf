import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdempotencyKeyHeader } from '../../../../../../contract/common.ts'
import { ComplaintDetail, ComplaintList, ComplaintParams, ComplaintRatingInput } from '../../../../../../contract/complaints.ts'
import { complaintDetail, complaintSummary } from '../../../../complaints/complaint-views.ts'
import { rateComplaint } from '../../../../complaints/handle-complaint.ts'
import { notFound } from '../../../../http-errors.ts'
import { signedInCitizen } from '../../../../plugins/auth.ts'
import { complaintsRepository } from '../../../../repositories/complaints-repository.ts'
import { shanghaiDate } from '../../../../time.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

const notYours = () => notFound('未找到该投诉建议')

/** 我的投诉建议: the signed-in citizen's complaints (also those they sent anonymously), and rating the answer. */
const myComplaints: FastifyPluginAsyncTypebox = async (fastify) => {
  const context = () => ({ calendar: fastify.workingDays, today: shanghaiDate(new Date()) })

  fastify.get(
    '',
    {
      schema: {
        operationId: 'listMyComplaints',
        tags: ['complaints'],
        summary: 'The caller’s complaints and suggestions, newest first',
        security: [{ citizenSession: [] }],
        response: { 200: ComplaintList, ...errorResponses(...commonErrors, 401) },
      },
    },
    async (request, reply) => {
      const citizen = signedInCitizen(request)
      const records = await complaintsRepository(fastify.db).listForCitizen(citizen.id)
      const now = context()
      return reply.header('cache-control', 'private, no-store').send({ complaints: records.map((record) => complaintSummary(record, now)) })
    },
  )

  fastify.get(
    '/:trackingNumber',
    {
      schema: {
        operationId: 'getMyComplaint',
        tags: ['complaints'],
        summary: 'One of the caller’s complaints: what was sent, the timeline, the answer and its rating',
        description: '404 when it is not the caller’s, as for one that does not exist.',
        security: [{ citizenSession: [] }],
        params: ComplaintParams,
        response: { 200: ComplaintDetail, ...errorResponses(...commonErrors, 401, 404) },
      },
    },
    async (request, reply) => {
      const citizen = signedInCitizen(request)
      const complaint = await complaintsRepository(fastify.db).findForCitizen(citizen.id, request.params.trackingNumber)
      if (!complaint) throw notYours()
      return reply.header('cache-control', 'private, no-store').send(complaintDetail(complaint, context(), 'account'))
    },
  )

  fastify.post(
    '/:trackingNumber/rating',
    {
      schema: {
        operationId: 'rateMyComplaint',
        tags: ['complaints'],
        summary: 'Rate the answer (satisfied or not); not satisfied may reopen the complaint once',
        description:
          'Satisfied closes the complaint. Not satisfied with reopen: true reopens it (once), with a new answer due date. ' +
          '404 when not the caller’s; 409 COMPLAINT_NOT_ANSWERED, ALREADY_RATED; 422 REOPEN_NOT_ALLOWED, IDEMPOTENCY_KEY_REUSED. Idempotent by Idempotency-Key.',
        security: [{ citizenSession: [] }],
        headers: IdempotencyKeyHeader,
        params: ComplaintParams,
        body: ComplaintRatingInput,
        response: { 200: ComplaintDetail, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const citizen = signedInCitizen(request)
      const detail = await fastify.idempotentWrite(request, reply, async (trx) => {
        const repository = complaintsRepository(trx)
        const complaint = await repository.findForCitizen(citizen.id, request.params.trackingNumber)
        if (!complaint) throw notYours()
        const now = new Date()
        await rateComplaint(trx, {
          complaint,
          rating: request.body,
          calendar: fastify.workingDays,
          answerWorkingDays: fastify.config.COMPLAINT_ANSWER_WORKING_DAYS,
          now,
        })
        const rated = await repository.findForCitizen(citizen.id, complaint.trackingNumber)
        return { statusCode: 200, body: complaintDetail(rated!, { calendar: fastify.workingDays, today: shanghaiDate(now) }, 'account') }
      })
      return reply.header('cache-control', 'private, no-store').send(detail)
    },
  )
}

export default myComplaints
