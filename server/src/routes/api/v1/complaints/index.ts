import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdempotencyKeyHeader } from '../../../../../../contract/common.ts'
import { ComplaintInput, ComplaintPhotoParams, ComplaintReceipt } from '../../../../../../contract/complaints.ts'
import { auditLog } from '../../../../audit/audit-log.ts'
import { withRetryAfter } from '../../../../complaints/complaint-limits.ts'
import { refuseCitizenCookieWithoutCsrf } from '../../../../complaints/complaint-sessions.ts'
import { complaintDetail } from '../../../../complaints/complaint-views.ts'
import { complaintViewer, sendComplaintPhoto } from '../../../../complaints/complaint-photo-files.ts'
import { deriveQueryCode, idempotencyKeyHash } from '../../../../complaints/query-code.ts'
import { submitComplaint } from '../../../../complaints/submit-complaint.ts'
import { ApiError, notFound } from '../../../../http-errors.ts'
import { requestFingerprint } from '../../../../plugins/idempotency.ts'
import { complaintsRepository } from '../../../../repositories/complaints-repository.ts'
import { idempotencyKeysRepository } from '../../../../repositories/idempotency-keys-repository.ts'
import { shanghaiDate } from '../../../../time.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

/** What the key's row keeps of a receipt: everything but the query code, which a replay derives again. */
interface StoredReceipt {
  complaintId: string
  trackingNumber: string
  complaint: ComplaintReceipt['complaint']
}

/** 投诉建议: filing one (signed in or not), and its photos for whoever may see the complaint. */
const complaints: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '',
    {
      schema: {
        operationId: 'submitComplaint',
        tags: ['complaints'],
        summary: 'File a complaint or suggestion (投诉建议), real-name (signed in) or anonymous (no sign-in needed)',
        description:
          'Answers the tracking number and the query code (查询码), the only way back in to an anonymous complaint without signing in. ' +
          'Idempotent: a retry with the same Idempotency-Key and body answers the same receipt (query code included) and files nothing. ' +
          'Keys are scoped to the signed-in citizen, or for senders without a session to the key itself (use a fresh random key; only its hash is kept). ' +
          'A citizen cookie without its X-CSRF-Token: 403 CSRF_TOKEN_INVALID. Real-name needs sign-in (401) and contact. ' +
          '422: HALL_NOT_FOUND, WINDOW_NOT_FOUND, STAFF_NOT_FOUND, ITEM_NOT_FOUND, CASE_NOT_FOUND, BOOKING_NOT_FOUND, CONCERNS_IDENTIFY_COMPLAINANT, ' +
          'OCCURRED_AT_IN_FUTURE, OCCURRED_AT_REQUIRED, CONTACT_REQUIRED, CONTACT_NOT_ALLOWED, PHOTO_NOT_FOUND, DESCRIPTION_TOO_SHORT, IDEMPOTENCY_KEY_REUSED. ' +
          '429 COMPLAINT_RATE_LIMITED (Retry-After): 5 complaints per client address per day without a session.',
        headers: IdempotencyKeyHeader,
        body: ComplaintInput,
        response: { 201: ComplaintReceipt, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      refuseCitizenCookieWithoutCsrf(request)
      const key = request.headers['idempotency-key']
      const citizenId = request.citizen?.id ?? null
      const principal = citizenId === null ? 'anonymous' : `citizen:${citizenId}`
      const storedKey = idempotencyKeyHash(key)
      const fingerprint = requestFingerprint(request.method, request.url, request.body)
      const now = new Date()
      const outcome = await withRetryAfter(reply, () =>
        fastify.db.transaction().execute(async (trx) => {
          const keys = idempotencyKeysRepository(trx)
          if (!(await keys.claim({ principal, key: storedKey, operation: 'submitComplaint', fingerprint }))) {
            const stored = await keys.find(principal, storedKey)
            if (stored?.fingerprint !== fingerprint) {
              throw new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', '该提交编号已用于另一项不同的提交，请重新提交（将生成新的编号）')
            }
            return { replayed: true, receipt: stored.response.body as StoredReceipt }
          }
          const filed = await submitComplaint(trx, {
            input: request.body,
            sender: { citizenId, clientAddress: request.ip, idempotencyKey: key },
            limits: {
              calendar: fastify.workingDays,
              acknowledgeWorkingDays: fastify.config.COMPLAINT_ACKNOWLEDGE_WORKING_DAYS,
              answerWorkingDays: fastify.config.COMPLAINT_ANSWER_WORKING_DAYS,
            },
            now,
          })
          const complaint = await complaintsRepository(trx).findByTrackingNumber(filed.trackingNumber)
          const receipt: StoredReceipt = {
            complaintId: filed.id,
            trackingNumber: filed.trackingNumber,
            complaint: complaintDetail(complaint!, { calendar: fastify.workingDays, today: shanghaiDate(now) }, 'account'),
          }
          await keys.saveResponse(principal, storedKey, { statusCode: 201, body: receipt })
          return { replayed: false, receipt }
        }),
      )
      if (outcome.replayed) reply.header('idempotent-replayed', 'true')
      const { complaintId, trackingNumber, complaint } = outcome.receipt
      request.log.info({ trackingNumber, anonymous: complaint.anonymous, replayed: outcome.replayed }, 'complaint filed')
      return reply
        .code(201)
        .header('cache-control', 'private, no-store')
        .send({ trackingNumber, queryCode: deriveQueryCode(key, complaintId), complaint })
    },
  )

  fastify.get(
    '/:trackingNumber/photos/:photoId',
    {
      schema: {
        operationId: 'getComplaintPhoto',
        tags: ['complaints'],
        summary: 'A photo of a complaint: for its complainant (signed in) and for staff who may see the complaint',
        description:
          'The image bytes with their type, cache-control: private, no-store. 404 for anyone else, as for a photo that does not exist. ' +
          'Anonymous complainants read photos with POST /api/v1/complaint-lookups/photo. Staff reads are audit-logged (complaint.photo.read).',
        security: [{ citizenSession: [] }, { staffSession: [] }],
        params: ComplaintPhotoParams,
        response: { ...errorResponses(...commonErrors, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { trackingNumber, photoId } = request.params
      const repository = complaintsRepository(fastify.db)
      const staff = request.staff
      let complaint = request.citizen ? await repository.findForCitizen(request.citizen.id, trackingNumber) : undefined
      if (!complaint && staff) {
        complaint = await repository.findForStaff(complaintViewer(staff), trackingNumber)
        if (complaint) await auditLog(fastify.db, staff, 'complaint.photo.read', `complaint:${trackingNumber}`, { photoId })
      }
      const photo = complaint?.photos.find((candidate) => candidate.photoId === photoId)
      if (!photo) throw notFound('未找到该照片')
      return sendComplaintPhoto(fastify, reply, photo)
    },
  )
}

export default complaints
