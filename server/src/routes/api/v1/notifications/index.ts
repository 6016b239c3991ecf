import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import {
  MarkNotificationsRead,
  NOTIFICATIONS_PAGE_SIZE,
  NotificationList,
  NotificationListQuery,
  PushSubscriptionInput,
  PushSubscriptionRemoval,
  UnreadCount,
  VapidPublicKey,
} from '../../../../../../contract/notifications.ts'
import { ApiError } from '../../../../http-errors.ts'
import { notificationsRepository, pushSubscriptionsRepository } from '../../../../notifications/notifications-repository.ts'
import { signedInCitizen } from '../../../../plugins/auth.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

const citizenOnly = [{ citizenSession: [] }]
const writeErrors = [...commonErrors, ...bodyErrors, 401, 403] as const
/** Browsers a citizen may keep subscribed at once; the least recently subscribed go first. */
const MAX_SUBSCRIPTIONS_PER_CITIZEN = 10

/**
 * Why the server will not post to `endpoint`: push services are public https hosts with names, so
 * plain http, an address instead of a name, or localhost is refused (the server would otherwise
 * post to whatever a citizen names, e.g. its own network).
 */
function endpointProblem(endpoint: string): string | null {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return '推送地址格式不正确'
  }
  if (url.protocol !== 'https:') return '推送地址必须使用 https'
  const host = url.hostname.toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost') || /^[0-9.]+$/.test(host) || host.startsWith('[') || !host.includes('.')) {
    return '推送地址必须是推送服务的域名'
  }
  return null
}

function personal(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'private, no-store')
}

/**
 * The notification centre (消息) and Web Push subscriptions of the signed-in citizen. Every query
 * is scoped to the session's citizen: another citizen's notifications are never listed or marked.
 */
const notifications: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/me/notifications',
    {
      schema: {
        operationId: 'listMyNotifications',
        tags: ['notifications'],
        summary: 'My notifications, newest first, with the unread count',
        description: `Pages of \`limit\` (default ${NOTIFICATIONS_PAGE_SIZE}); pass \`nextCursor\` as \`cursor\` for the next page.`,
        security: citizenOnly,
        querystring: NotificationListQuery,
        response: { 200: NotificationList, ...errorResponses(...commonErrors, 401) },
      },
    },
    async (request, reply) => {
      const repository = notificationsRepository(fastify.db, signedInCitizen(request).id)
      return personal(reply).send(await repository.list(request.query.limit ?? NOTIFICATIONS_PAGE_SIZE, request.query.cursor))
    },
  )

  fastify.post(
    '/me/notifications/read',
    {
      schema: {
        operationId: 'markMyNotificationsRead',
        tags: ['notifications'],
        summary: 'Mark notifications read: the ids given, or all',
        description: 'Idempotent: a read notification keeps its first read time. Ids that are not the caller’s are ignored. Answers the unread count left.',
        security: citizenOnly,
        body: MarkNotificationsRead,
        response: { 200: UnreadCount, ...errorResponses(...writeErrors) },
      },
    },
    async (request, reply) => {
      const repository = notificationsRepository(fastify.db, signedInCitizen(request).id)
      return personal(reply).send({ unreadCount: await repository.markRead(request.body, new Date()) })
    },
  )

  fastify.get(
    '/push/vapid-public-key',
    {
      schema: {
        operationId: 'getVapidPublicKey',
        tags: ['notifications'],
        summary: 'The Web Push application server key (VAPID public key) for pushManager.subscribe',
        response: { 200: VapidPublicKey, ...errorResponses(...commonErrors) },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send({ publicKey: (await fastify.vapidDetails()).publicKey }),
  )

  fastify.put(
    '/me/push-subscriptions',
    {
      schema: {
        operationId: 'savePushSubscription',
        tags: ['notifications'],
        summary: 'Receive my notifications as Web Push in this browser',
        description:
          'The body is PushSubscription.toJSON(). Saving an endpoint again (or from another citizen signed in on the same browser) moves it to the caller. ' +
          `At most ${MAX_SUBSCRIPTIONS_PER_CITIZEN} browsers per citizen: the least recently saved are dropped. The endpoint must be https on a host name (not an address or localhost).`,
        security: citizenOnly,
        body: PushSubscriptionInput,
        response: { 204: Type.Null({ description: 'Saved.' }), ...errorResponses(...writeErrors) },
      },
    },
    async (request, reply) => {
      const { endpoint, keys } = request.body
      const problem = fastify.config.PUSH_ALLOW_HTTP_ENDPOINTS ? null : endpointProblem(endpoint)
      if (problem) throw new ApiError(400, 'VALIDATION_FAILED', '推送地址无效', [{ path: '/body/endpoint', message: problem }])
      await pushSubscriptionsRepository(fastify.db).save(signedInCitizen(request).id, endpoint, keys, new Date(), MAX_SUBSCRIPTIONS_PER_CITIZEN)
      return personal(reply).code(204).send(null)
    },
  )

  fastify.delete(
    '/me/push-subscriptions',
    {
      schema: {
        operationId: 'deletePushSubscription',
        tags: ['notifications'],
        summary: 'Stop Web Push to this browser',
        description: 'Idempotent: 204 also when the endpoint is unknown or not the caller’s (then nothing is removed).',
        security: citizenOnly,
        body: PushSubscriptionRemoval,
        response: { 204: Type.Null({ description: 'Removed (or was not there).' }), ...errorResponses(...writeErrors) },
      },
    },
    async (request, reply) => {
      await pushSubscriptionsRepository(fastify.db).remove(signedInCitizen(request).id, request.body.endpoint)
      return personal(reply).code(204).send(null)
    },
  )
}

export default notifications
