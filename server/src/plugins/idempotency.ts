import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Transaction } from 'kysely'
import { canonicalJson } from '../canonical-json.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http-errors.ts'
import { idempotencyKeysRepository, type StoredResponse } from '../repositories/idempotency-keys-repository.ts'

/** What a write route does once its key is claimed; it runs in the key's transaction. */
export type IdempotentOperation<Body> = (trx: Transaction<Database>) => Promise<{ statusCode: number; body: Body }>

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Runs a write at most once per `Idempotency-Key` header (the route's schema must require
     * it, e.g. with contract IdempotencyKeyHeader). In one transaction: claim the key, perform
     * the write, store the answer. A retry with the same key and the same request gets the
     * stored answer (header `Idempotent-Replayed: true`); the same key with a different request
     * gets 422 IDEMPOTENCY_KEY_REUSED. When the write throws (e.g. a 4xx for an unknown hall)
     * the transaction rolls back and the key stays unused, so a corrected retry may reuse it.
     * Keys are scoped to who sends them (requestPrincipal): the same key from another user, or
     * from the same person signed out, is another key, so no one replays someone else's answer.
     */
    idempotentWrite<Body>(request: FastifyRequest, reply: FastifyReply, perform: IdempotentOperation<Body>): Promise<Body>
  }
}

/** Whose keys a request uses: the signed-in citizen, else the signed-in staff member, else anonymous. */
export function requestPrincipal(request: FastifyRequest): string {
  if (request.citizen) return `citizen:${request.citizen.id}`
  if (request.staff) return `staff:${request.staff.id}`
  return 'anonymous'
}

/** Identifies "the same request": method, path with query, and the body's content. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${url}\n${canonicalJson(body ?? null)}`).digest('hex')
}

export default fp(
  async (fastify) => {
    fastify.decorate('idempotentWrite', async function idempotentWrite<Body>(
      request: FastifyRequest,
      reply: FastifyReply,
      perform: IdempotentOperation<Body>,
    ): Promise<Body> {
      const key = request.headers['idempotency-key']
      if (typeof key !== 'string') {
        throw new Error(`Route ${request.routeOptions.url ?? request.url} uses idempotentWrite without requiring Idempotency-Key`)
      }
      const operation = (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId
        ?? `${request.method} ${request.routeOptions.url ?? ''}`
      const fingerprint = requestFingerprint(request.method, request.url, request.body)
      const principal = requestPrincipal(request)

      const outcome = await fastify.db.transaction().execute(async (trx) => {
        const keys = idempotencyKeysRepository(trx)
        if (!(await keys.claim({ principal, key, operation, fingerprint }))) {
          const stored = await keys.find(principal, key)
          if (stored?.fingerprint !== fingerprint) {
            throw new ApiError(
              422,
              'IDEMPOTENCY_KEY_REUSED',
              '该提交编号已用于另一项不同的提交，请重新提交（将生成新的编号）',
            )
          }
          return { replayed: true, response: stored.response }
        }
        const response: StoredResponse = await perform(trx)
        await keys.saveResponse(principal, key, response)
        return { replayed: false, response }
      })

      reply.code(outcome.response.statusCode)
      if (outcome.replayed) reply.header('idempotent-replayed', 'true')
      // A replay returns the body exactly as first answered; the route's response schema types it.
      return outcome.response.body as Body
    })
  },
  { name: 'idempotency', dependencies: ['db', 'auth'] },
)
