import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdempotencyKeyHeader } from '../../../../../../contract/common.ts'
import { StaffAccount, StaffAccountChange, StaffAccountInput, StaffAccountList, StaffAccountParams } from '../../../../../../contract/staff.ts'
import { hashPassword } from '../../../../auth/passwords.ts'
import { signedInStaff } from '../../../../plugins/auth.ts'
import { staffAccountsRepository } from '../../../../repositories/staff-accounts-repository.ts'
import { createStaffAccount, updateStaffAccount } from '../../../../staff/staff-accounts.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

const adminOnly = [{ staffSession: ['admin'] }]
const adminErrors = [...commonErrors, 401, 403] as const

/** Administrators manage staff accounts: create, change role and bindings, disable, reset passwords. */
const staffAccounts: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      schema: {
        operationId: 'listStaffAccounts',
        tags: ['staff'],
        summary: 'Every staff account (admin)',
        security: adminOnly,
        response: { 200: StaffAccountList, ...errorResponses(...adminErrors) },
      },
    },
    async (_request, reply) =>
      reply.header('cache-control', 'private, no-store').send({ accounts: await staffAccountsRepository(fastify.db).list(new Date()) }),
  )

  fastify.post(
    '',
    {
      schema: {
        operationId: 'createStaffAccount',
        tags: ['staff'],
        summary: 'Create a staff account bound to halls and departments (admin)',
        description: 'Idempotent (Idempotency-Key). 409 when the username is taken, 422 for unknown halls or departments. Audit-logged.',
        security: adminOnly,
        headers: IdempotencyKeyHeader,
        body: StaffAccountInput,
        response: { 201: StaffAccount, ...errorResponses(...adminErrors, ...bodyErrors, 409, 422) },
      },
    },
    async (request, reply) => {
      const admin = signedInStaff(request)
      const { password, ...account } = request.body
      const passwordHash = await hashPassword(password)
      return fastify.idempotentWrite(request, reply, async (trx) => ({
        statusCode: 201,
        body: await createStaffAccount(trx, { ...account, passwordHash }, admin, new Date()),
      }))
    },
  )

  fastify.patch(
    '/:staffId',
    {
      schema: {
        operationId: 'updateStaffAccount',
        tags: ['staff'],
        summary: 'Change a staff account: name, role, halls, departments, disabled, password (admin)',
        description:
          'Disabling or a new password ends the account\'s sessions; a new password also lifts a lockout. The last active administrator cannot be demoted or disabled (409), nor can administrators disable themselves. Audit-logged.',
        security: adminOnly,
        params: StaffAccountParams,
        body: StaffAccountChange,
        response: { 200: StaffAccount, ...errorResponses(...adminErrors, ...bodyErrors, 404, 409, 422) },
      },
    },
    async (request) => {
      const admin = signedInStaff(request)
      const { password, ...change } = request.body
      const passwordHash = password === undefined ? undefined : await hashPassword(password)
      return fastify.db.transaction().execute((trx) => updateStaffAccount(trx, request.params.staffId, change, passwordHash, admin, new Date()))
    },
  )
}

export default staffAccounts
