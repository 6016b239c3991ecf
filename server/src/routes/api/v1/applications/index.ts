import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ApplicationErrorExtras, ApplicationInput, CaseReceipt } from '../../../../../../contract/applications.ts'
import { IdempotencyKeyHeader } from '../../../../../../contract/common.ts'
import { ApplicationInvalidError, GuideVersionChangedError, submitApplication } from '../../../../applications/submit-application.ts'
import { errorBody } from '../../../../http-errors.ts'
import { signedInCitizen } from '../../../../plugins/auth.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

/** The one-form application (一表申请): submitting creates the case (办件). */
const applications: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '',
    {
      schema: {
        operationId: 'submitApplication',
        tags: ['applications'],
        summary: 'Submit a one-form application: creates the case (办件) and answers its receipt',
        description:
          'Idempotent: a retry with the same Idempotency-Key and body answers the first receipt and creates nothing. ' +
          '404 ITEM_NOT_FOUND; 409 GUIDE_VERSION_CHANGED (currentVersion); 422 APPLICATION_NOT_ONLINE, ' +
          'APPLICATION_INVALID (fieldErrors: the same { fieldKey, message } as validateApplication, materials under materials.<id>), IDEMPOTENCY_KEY_REUSED.',
        security: [{ citizenSession: [] }],
        headers: IdempotencyKeyHeader,
        body: ApplicationInput,
        response: {
          201: CaseReceipt,
          ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 404),
          409: Type.Intersect([Type.Ref('ErrorBody'), ApplicationErrorExtras], {
            description: 'GUIDE_VERSION_CHANGED: the guide was republished; currentVersion names the version in force.',
          }),
          422: Type.Intersect([Type.Ref('ErrorBody'), ApplicationErrorExtras], {
            description: 'APPLICATION_INVALID with fieldErrors (as validateApplication gives them), APPLICATION_NOT_ONLINE, IDEMPOTENCY_KEY_REUSED.',
          }),
        },
      },
    },
    async (request, reply) => {
      const citizenId = signedInCitizen(request).id
      try {
        const receipt = await fastify.idempotentWrite(request, reply, async (trx) => ({
          statusCode: 201,
          body: await submitApplication(trx, request.body, { citizenId, calendar: fastify.workingDays, now: new Date() }),
        }))
        return reply.header('cache-control', 'private, no-store').send(receipt)
      } catch (error) {
        if (error instanceof ApplicationInvalidError) {
          return reply.code(422).send({ ...errorBody(422, error.code, error.message), fieldErrors: error.fieldErrors })
        }
        if (error instanceof GuideVersionChangedError) {
          return reply.code(409).send({ ...errorBody(409, error.code, error.message), currentVersion: error.currentVersion })
        }
        throw error
      }
    },
  )
}

export default applications
