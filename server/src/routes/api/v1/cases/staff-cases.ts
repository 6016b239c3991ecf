import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CaseDetail, CaseParams } from '../../../../../../contract/applications.ts'
import { caseDetail } from '../../../../applications/case-views.ts'
import { auditLog } from '../../../../audit/audit-log.ts'
import { notFound } from '../../../../http-errors.ts'
import { signedInStaff } from '../../../../plugins/auth.ts'
import { casesRepository } from '../../../../repositories/cases-repository.ts'
import { commonErrors, errorResponses } from '../../../error-responses.ts'

/** Cases as the handling department's staff read them; each read is audit-logged. */
const staffCases: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/:caseNumber',
    {
      schema: {
        operationId: 'getStaffCase',
        tags: ['staff'],
        summary: 'A case, for staff of its handling department (administrators: any)',
        description: '404 for a case of another department, as for one that does not exist. Every read is recorded in the audit log (case.read).',
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
      return reply.header('cache-control', 'private, no-store').send(caseDetail(stored))
    },
  )
}

export default staffCases
