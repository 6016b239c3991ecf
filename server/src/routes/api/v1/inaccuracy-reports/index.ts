import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdempotencyKeyHeader } from '../../../../../../contract/common.ts'
import { InaccuracyReceipt, InaccuracyReportInput } from '../../../../../../contract/inaccuracy-reports.ts'
import { ApiError } from '../../../../http-errors.ts'
import { hallsRepository } from '../../../../repositories/halls-repository.ts'
import { inaccuracyReportsRepository } from '../../../../repositories/inaccuracy-reports-repository.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

const inaccuracyReports: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '',
    {
      schema: {
        operationId: 'createInaccuracyReport',
        tags: ['inaccuracy-reports'],
        summary: 'Report that published hall information is wrong (信息纠错)',
        description: 'Idempotent: a retry with the same Idempotency-Key and body answers the first receipt.',
        headers: IdempotencyKeyHeader,
        body: InaccuracyReportInput,
        response: { 201: InaccuracyReceipt, ...errorResponses(...commonErrors, ...bodyErrors, 422) },
      },
    },
    async (request, reply) =>
      fastify.idempotentWrite(request, reply, async (trx) => {
        if (!(await hallsRepository(trx).exists(request.body.hallId))) {
          throw new ApiError(422, 'HALL_NOT_FOUND', '未找到该办事大厅，请返回大厅页面后重新提交')
        }
        const receipt = await inaccuracyReportsRepository(trx).create(request.body, new Date())
        return { statusCode: 201, body: receipt }
      }),
  )
}

export default inaccuracyReports
