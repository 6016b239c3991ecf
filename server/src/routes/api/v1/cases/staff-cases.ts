import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import { CaseDetail, CaseParams, StaffCaseList, StaffCaseQuery } from '../../../../../../contract/applications.ts'
import { StaffCaseTransition } from '../../../../../../contract/case-lifecycle.ts'
import { IdempotencyKeyHeader } from '../../../../../../contract/common.ts'
import { caseDetail, caseSummary } from '../../../../applications/case-views.ts'
import { auditLog } from '../../../../audit/audit-log.ts'
import { transitionCase } from '../../../../cases/transition-case.ts'
import type { Database } from '../../../../db/schema.ts'
import { notFound } from '../../../../http-errors.ts'
import { signedInStaff } from '../../../../plugins/auth.ts'
import { casesRepository } from '../../../../repositories/cases-repository.ts'
import { shanghaiDate } from '../../../../time.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

/** An optional Idempotency-Key: the console sends one so that a retried transition happens once. */
const OptionalIdempotencyKey = Type.Object({ 'idempotency-key': Type.Optional(IdempotencyKeyHeader.properties['idempotency-key']) })

/** Cases as the handling department's staff read and move them; every read and transition is audit-logged. */
const staffCases: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      schema: {
        operationId: 'listStaffCases',
        tags: ['staff'],
        summary: 'The case queue of the caller’s departments (administrators: all), by due date',
        description:
          'Optional status filter (repeat status for several), paged (page from 1, pageSize up to 100). ' +
          'Sorted by the running promised due date, then the statutory one, earliest first; cases without a running due date ' +
          '(not yet accepted, paused for a correction, decided) after them, oldest submission first. No personal data.',
        security: [{ staffSession: [] }],
        querystring: StaffCaseQuery,
        response: { 200: StaffCaseList, ...errorResponses(...commonErrors, 401, 403) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      const { status, page = 1, pageSize = 20 } = request.query
      const statuses = status === undefined ? null : [status].flat()
      const { cases, total } = await casesRepository(fastify.db).listForStaff({
        departmentIds: staff.role === 'admin' ? null : staff.departmentIds,
        statuses,
        page,
        pageSize,
      })
      const context = { calendar: fastify.workingDays, today: shanghaiDate(new Date()) }
      return reply
        .header('cache-control', 'private, no-store')
        .send({ cases: cases.map((entry) => ({ ...caseSummary(entry, context), departmentId: entry.departmentId })), total, page, pageSize })
    },
  )

  fastify.get(
    '/:caseNumber',
    {
      schema: {
        operationId: 'getStaffCase',
        tags: ['staff'],
        summary: 'A case, for staff of its handling department (administrators: any)',
        description: '404 for a case of another department, as for one that does not exist. Every read is recorded in the audit log (case.read). availableActions: what the caller’s role may do now.',
        security: [{ staffSession: [] }],
        params: CaseParams,
        response: { 200: CaseDetail, ...errorResponses(...commonErrors, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      const departmentIds = staff.role === 'admin' ? null : staff.departmentIds
      const stored = await casesRepository(fastify.db).find(request.params.caseNumber, { departmentIds })
      if (!stored) throw notFound('未找到该办件，或该办件不由您所在部门办理')
      await auditLog(fastify.db, staff, 'case.read', `case:${stored.caseNumber}`, { departmentId: stored.departmentId })
      return reply
        .header('cache-control', 'private, no-store')
        .send(caseDetail(stored, { calendar: fastify.workingDays, today: shanghaiDate(new Date()), viewer: staff.role }))
    },
  )

  fastify.post(
    '/:caseNumber/transitions',
    {
      schema: {
        operationId: 'transitionStaffCase',
        tags: ['staff'],
        summary: 'Move a case on: 受理, 不予受理, 开始审查, 一次性告知补正, 审批通过, 不予许可, 出具结果, 办结',
        description:
          'Body { action, ...input } (contract/case-lifecycle.ts StaffCaseTransition). Answers the updated case. ' +
          'With an Idempotency-Key, a retry with the same key and body answers the first result and the transition happens once. ' +
          '403 CASE_ACTION_FORBIDDEN for an action the role may never take (not_accept and reject need a supervisor or admin: 窗口无否决权); ' +
          '404 a case of another department; 409 CASE_TRANSITION_NOT_ALLOWED from the current status (named in the message); ' +
          '422 CORRECTION_ITEM_UNKNOWN (a material or field the case’s guide does not have), IDEMPOTENCY_KEY_REUSED. ' +
          'Audit-logged as case.<action>.',
        security: [{ staffSession: [] }],
        headers: OptionalIdempotencyKey,
        params: CaseParams,
        body: StaffCaseTransition,
        response: { 200: CaseDetail, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      const perform = async (trx: Kysely<Database>) => {
        const now = new Date()
        const outcome = await transitionCase(trx, request.params.caseNumber, request.body, { kind: 'staff', staff }, { calendar: fastify.workingDays, now })
        await auditLog(
          trx,
          staff,
          `case.${outcome.action}`,
          `case:${outcome.after.caseNumber}`,
          { departmentId: outcome.after.departmentId, from: outcome.from, to: outcome.to },
          now,
        )
        return { statusCode: 200, body: caseDetail(outcome.after, { calendar: fastify.workingDays, today: shanghaiDate(now), viewer: staff.role }) }
      }
      const detail =
        request.headers['idempotency-key'] === undefined
          ? (await fastify.db.transaction().execute(perform)).body
          : await fastify.idempotentWrite(request, reply, perform)
      return reply.header('cache-control', 'private, no-store').send(detail)
    },
  )
}

export default staffCases
