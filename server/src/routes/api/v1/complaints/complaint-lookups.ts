import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdempotencyKeyHeader } from '../../../../../../contract/common.ts'
import { ComplaintDetail, ComplaintLookupInput, ComplaintLookupPhotoInput, ComplaintLookupRatingInput } from '../../../../../../contract/complaints.ts'
import { withRetryAfter } from '../../../../complaints/complaint-limits.ts'
import { sendComplaintPhoto } from '../../../../complaints/complaint-photo-files.ts'
import { complaintDetail } from '../../../../complaints/complaint-views.ts'
import { rateComplaint } from '../../../../complaints/handle-complaint.ts'
import { lookUpComplaint, lookupOutcomeOrThrow } from '../../../../complaints/lookup-complaint.ts'
import { notFound } from '../../../../http-errors.ts'
import { complaintsRepository, type StoredComplaint } from '../../../../repositories/complaints-repository.ts'
import { shanghaiDate } from '../../../../time.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

const limitsText =
  'Every failure (unknown tracking number, wrong query code) answers the same 404 COMPLAINT_LOOKUP_FAILED. ' +
  '429 COMPLAINT_LOOKUP_RATE_LIMITED with Retry-After: 20 tries per client address per 15 minutes, 5 wrong codes per tracking number per hour.'

/**
 * A complaint by its tracking number and query code (查询码), for anyone who holds both: the only
 * way back in to an anonymous complaint. Credentials travel in the body, never in the URL.
 */
const complaintLookups: FastifyPluginAsyncTypebox = async (fastify) => {
  /** Checks the credentials in a transaction of its own (so a wrong try stays counted), then answers the complaint or throws. */
  async function lookUp(request: { ip: string }, reply: { header(name: string, value: string): unknown }, credentials: { trackingNumber: string; queryCode: string }): Promise<StoredComplaint> {
    return withRetryAfter(reply, async () => {
      const outcome = await fastify.db
        .transaction()
        .execute((trx) => lookUpComplaint(trx, { ...credentials, clientAddress: request.ip, now: new Date() }))
      return lookupOutcomeOrThrow(outcome)
    })
  }

  fastify.post(
    '',
    {
      schema: {
        operationId: 'lookUpComplaint',
        tags: ['complaints'],
        summary: 'A complaint by tracking number and query code: the timeline, the answer, its rating',
        description: `Public; the contact phone of a real-name complaint is masked here. ${limitsText}`,
        body: ComplaintLookupInput,
        response: { 200: ComplaintDetail, ...errorResponses(...commonErrors, ...bodyErrors, 404) },
      },
    },
    async (request, reply) => {
      const complaint = await lookUp(request, reply, request.body)
      return reply.header('cache-control', 'no-store').send(complaintDetail(complaint, { calendar: fastify.workingDays, today: shanghaiDate(new Date()) }, 'lookup'))
    },
  )

  fastify.post(
    '/rating',
    {
      schema: {
        operationId: 'rateComplaintByQueryCode',
        tags: ['complaints'],
        summary: 'Rate the answer with the query code; not satisfied may reopen the complaint once',
        description: `As rateMyComplaint, for whoever holds the query code. Idempotent by Idempotency-Key. ${limitsText}`,
        headers: IdempotencyKeyHeader,
        body: ComplaintLookupRatingInput,
        response: { 200: ComplaintDetail, ...errorResponses(...commonErrors, ...bodyErrors, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { trackingNumber, queryCode, ...rating } = request.body
      const found = await lookUp(request, reply, { trackingNumber, queryCode })
      const detail = await fastify.idempotentWrite(request, reply, async (trx) => {
        const now = new Date()
        await rateComplaint(trx, { complaint: found, rating, calendar: fastify.workingDays, answerWorkingDays: fastify.config.COMPLAINT_ANSWER_WORKING_DAYS, now })
        const rated = await complaintsRepository(trx).findByTrackingNumber(trackingNumber)
        return { statusCode: 200, body: complaintDetail(rated!, { calendar: fastify.workingDays, today: shanghaiDate(now) }, 'lookup') }
      })
      return reply.header('cache-control', 'no-store').send(detail)
    },
  )

  fastify.post(
    '/photo',
    {
      schema: {
        operationId: 'getComplaintPhotoByQueryCode',
        tags: ['complaints'],
        summary: 'A photo of a complaint, for whoever holds its query code (the image bytes)',
        description: `cache-control: private, no-store. A photo id that is not the complaint's: 404 NOT_FOUND. ${limitsText}`,
        body: ComplaintLookupPhotoInput,
        response: { ...errorResponses(...commonErrors, ...bodyErrors, 404) },
      },
    },
    async (request, reply) => {
      const { trackingNumber, queryCode, photoId } = request.body
      const complaint = await lookUp(request, reply, { trackingNumber, queryCode })
      const photo = complaint.photos.find((candidate) => candidate.photoId === photoId)
      if (!photo) throw notFound('未找到该照片')
      return sendComplaintPhoto(fastify, reply, photo)
    },
  )
}

export default complaintLookups
