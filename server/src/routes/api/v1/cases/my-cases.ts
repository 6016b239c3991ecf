import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CaseDetail, CaseList, CaseParams } from '../../../../../../contract/applications.ts'
import { caseDetail } from '../../../../applications/case-views.ts'
import { notFound } from '../../../../http-errors.ts'
import { signedInCitizen } from '../../../../plugins/auth.ts'
import { casesRepository } from '../../../../repositories/cases-repository.ts'
import { commonErrors, errorResponses } from '../../../error-responses.ts'

const citizenOnly = [{ citizenSession: [] }]

/** 我的办件: the signed-in citizen's cases; every query is scoped to them, so others' cases are 404. */
const myCases: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      schema: {
        operationId: 'listMyCases',
        tags: ['applications'],
        summary: 'My cases (我的办件), newest first',
        description: 'No personal data: case number, item, status, dates.',
        security: citizenOnly,
        response: { 200: CaseList, ...errorResponses(...commonErrors, 401) },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', 'private, no-store').send({ cases: await casesRepository(fastify.db).listForCitizen(signedInCitizen(request).id) }),
  )

  fastify.get(
    '/:caseNumber',
    {
      schema: {
        operationId: 'getMyCase',
        tags: ['applications'],
        summary: 'One of my cases: the form as submitted, materials, guide version, timeline',
        description: '404 for a case number that is not one of the caller’s cases, whether or not it exists.',
        security: citizenOnly,
        params: CaseParams,
        response: { 200: CaseDetail, ...errorResponses(...commonErrors, 401, 404) },
      },
    },
    async (request, reply) => {
      const stored = await casesRepository(fastify.db).find(request.params.caseNumber, { citizenId: signedInCitizen(request).id })
      if (!stored) throw notFound('未找到该办件，请核对办件编号')
      return reply.header('cache-control', 'private, no-store').send(caseDetail(stored))
    },
  )
}

export default myCases
