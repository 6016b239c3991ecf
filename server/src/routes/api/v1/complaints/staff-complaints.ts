import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Transaction } from 'kysely'
import { Type } from 'typebox'
import { IdempotencyKeyHeader } from '../../../../../../contract/common.ts'
import {
  COMPLAINT_STATUSES,
  ComplaintAnswerInput,
  ComplaintAssignmentInput,
  ComplaintHandlerList,
  ComplaintNoteInput,
  ComplaintParams,
  StaffComplaintDetail,
  StaffComplaintList,
  StaffComplaintQuery,
  type ComplaintStatus,
} from '../../../../../../contract/complaints.ts'
import { auditLog } from '../../../../audit/audit-log.ts'
import { queueOrder } from '../../../../complaints/complaint-deadlines.ts'
import { complaintViewer } from '../../../../complaints/complaint-photo-files.ts'
import { staffComplaintDetail, staffComplaintSummary } from '../../../../complaints/complaint-views.ts'
import { actOnComplaint, type StaffComplaintAction } from '../../../../complaints/handle-complaint.ts'
import type { Database } from '../../../../db/schema.ts'
import { notFound } from '../../../../http-errors.ts'
import { signedInStaff, type SignedInStaff } from '../../../../plugins/auth.ts'
import { complaintsRepository } from '../../../../repositories/complaints-repository.ts'
import { shanghaiDate } from '../../../../time.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

/** An optional Idempotency-Key: the console sends one so that a retried action happens once. */
const OptionalIdempotencyKey = Type.Object({ 'idempotency-key': Type.Optional(IdempotencyKeyHeader.properties['idempotency-key']) })

const invisible = () => notFound('未找到该投诉建议，或不在您的办理范围内')

const visibilityText =
  'Administrators see all complaints; supervisors those of their halls and departments and those concerning neither; clerks those of their halls and departments ' +
  'and those assigned to them, never one naming them unless assigned to them. Anonymous complaints show no complainant; real-name contact is masked except to the handler, supervisors and administrators.'

/** The staff side of 投诉建议: the queue, and assigning, handling, answering and closing, each audit-logged. */
const staffComplaints: FastifyPluginAsyncTypebox = async (fastify) => {
  const context = () => ({ calendar: fastify.workingDays, today: shanghaiDate(new Date()) })

  fastify.get(
    '',
    {
      schema: {
        operationId: 'listStaffComplaints',
        tags: ['staff'],
        summary: 'The complaint queue: overdue first, then by answer due date, oldest first',
        description: `status: open (default: everything not closed), all, or one status. overdueCount: how many listed are past a time limit. ${visibilityText}`,
        security: [{ staffSession: [] }],
        querystring: StaffComplaintQuery,
        response: { 200: StaffComplaintList, ...errorResponses(...commonErrors, 401, 403) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      const status = request.query.status ?? 'open'
      const statuses: readonly ComplaintStatus[] | null =
        status === 'all' ? null : status === 'open' ? COMPLAINT_STATUSES.filter((candidate) => candidate !== 'closed') : [status]
      const records = await complaintsRepository(fastify.db).listForStaff(complaintViewer(staff), statuses)
      const now = context()
      const complaints = records
        .map((record) => ({ record, view: staffComplaintSummary(record, now) }))
        .sort((a, b) => queueOrder({ ...a.record, deadlines: a.view.deadlines }, { ...b.record, deadlines: b.view.deadlines }))
        .map(({ view }) => view)
      return reply
        .header('cache-control', 'private, no-store')
        .send({ complaints, overdueCount: complaints.filter((complaint) => complaint.deadlines.overdue !== null).length })
    },
  )

  fastify.get(
    '/handlers',
    {
      schema: {
        operationId: 'listComplaintHandlers',
        tags: ['staff'],
        summary: 'Whom the caller may assign complaints to: active staff sharing a hall or department with them (administrators: all)',
        security: [{ staffSession: ['supervisor', 'admin'] }],
        response: { 200: ComplaintHandlerList, ...errorResponses(...commonErrors, 401, 403) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      const handlers = await complaintsRepository(fastify.db).handlersFor(complaintViewer(staff))
      return reply.header('cache-control', 'private, no-store').send({ handlers })
    },
  )

  fastify.get(
    '/:trackingNumber',
    {
      schema: {
        operationId: 'getStaffComplaint',
        tags: ['staff'],
        summary: 'A complaint for staff: what was sent, the steps with who acted, the answer, the rating',
        description: `404 for one the caller may not see, as for one that does not exist. Every read is audit-logged (complaint.read). ${visibilityText}`,
        security: [{ staffSession: [] }],
        params: ComplaintParams,
        response: { 200: StaffComplaintDetail, ...errorResponses(...commonErrors, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      const complaint = await complaintsRepository(fastify.db).findForStaff(complaintViewer(staff), request.params.trackingNumber)
      if (!complaint) throw invisible()
      await auditLog(fastify.db, staff, 'complaint.read', `complaint:${complaint.trackingNumber}`)
      return reply.header('cache-control', 'private, no-store').send(staffComplaintDetail(complaint, context(), staff))
    },
  )

  /** Runs a staff action (idempotently when the console sends a key) and answers the complaint as it now stands. */
  function act(staff: SignedInStaff, trackingNumber: string, action: StaffComplaintAction) {
    return async (trx: Transaction<Database>) => {
      const repository = complaintsRepository(trx)
      const complaint = await repository.findForStaff(complaintViewer(staff), trackingNumber)
      if (!complaint) throw invisible()
      const now = new Date()
      await actOnComplaint(trx, { complaint, staff, action, now })
      const updated = await repository.findForStaff(complaintViewer(staff), trackingNumber)
      return { statusCode: 200, body: staffComplaintDetail(updated ?? complaint, { calendar: fastify.workingDays, today: shanghaiDate(now) }, staff) }
    }
  }

  const actionRoute = <Body extends typeof ComplaintNoteInput | typeof ComplaintAssignmentInput | typeof ComplaintAnswerInput>(
    path: string,
    operationId: string,
    summary: string,
    roles: ('clerk' | 'supervisor' | 'admin')[],
    body: Body,
    toAction: (body: never) => StaffComplaintAction,
  ) =>
    fastify.post(
      path,
      {
        schema: {
          operationId,
          tags: ['staff'],
          summary,
          description: `${summary}. 404 when not visible to the caller; 403 when the caller may not take this action; 409 COMPLAINT_STATUS_CONFLICT when the status does not allow it. Audit-logged.`,
          security: [{ staffSession: roles }],
          headers: OptionalIdempotencyKey,
          params: ComplaintParams,
          body,
          response: { 200: StaffComplaintDetail, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const staff = signedInStaff(request)
        const perform = act(staff, request.params.trackingNumber, toAction(request.body as never))
        const detail = request.headers['idempotency-key'] === undefined
          ? (await fastify.db.transaction().execute(perform)).body
          : await fastify.idempotentWrite(request, reply, perform)
        return reply.header('cache-control', 'private, no-store').send(detail)
      },
    )

  actionRoute('/:trackingNumber/assignment', 'assignStaffComplaint', 'Assign the complaint to a handler (supervisors, administrators)', ['supervisor', 'admin'], ComplaintAssignmentInput,
    (body: { handlerId: string; note?: string }) => ({ kind: 'assign', handlerId: body.handlerId, note: body.note?.trim() || null }))
  actionRoute('/:trackingNumber/handling', 'markStaffComplaintHandling', 'Mark the complaint as being handled (the handler, supervisors, administrators)', ['clerk', 'supervisor', 'admin'], ComplaintNoteInput,
    (body: { note?: string }) => ({ kind: 'handling', note: body.note?.trim() || null }))
  actionRoute('/:trackingNumber/answer', 'answerStaffComplaint', 'Give the official answer; the citizen is notified (the handler, supervisors, administrators)', ['clerk', 'supervisor', 'admin'], ComplaintAnswerInput,
    (body: { answer: string }) => ({ kind: 'answer', answer: body.answer }))
  actionRoute('/:trackingNumber/close', 'closeStaffComplaint', 'Close an answered complaint (supervisors, administrators)', ['supervisor', 'admin'], ComplaintNoteInput,
    (body: { note?: string }) => ({ kind: 'close', note: body.note?.trim() || null }))
}

export default staffComplaints
