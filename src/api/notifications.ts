import type { MarkNotificationsRead, NotificationList, PushSubscriptionInput, UnreadCount, VapidPublicKey } from '../../contract/notifications.ts'
import { apiRequest } from './client.ts'

/** A page of the signed-in citizen's notifications, newest first, with the unread count. */
export function fetchNotifications(options: { limit?: number; cursor?: string | null } = {}): Promise<NotificationList> {
  const query = new URLSearchParams()
  if (options.limit) query.set('limit', String(options.limit))
  if (options.cursor) query.set('cursor', options.cursor)
  const search = query.size > 0 ? `?${query}` : ''
  return apiRequest<NotificationList>('GET', `/api/v1/me/notifications${search}`)
}

/** Marks the given notifications (or all) read; answers the unread count left. */
export function markNotificationsRead(which: MarkNotificationsRead): Promise<UnreadCount> {
  return apiRequest<UnreadCount>('POST', '/api/v1/me/notifications/read', { body: which })
}

/** The server's VAPID public key (base64url), for pushManager.subscribe. */
export async function fetchVapidPublicKey(): Promise<string> {
  return (await apiRequest<VapidPublicKey>('GET', '/api/v1/push/vapid-public-key')).publicKey
}

/** Tells the server to push the citizen's notifications to this browser's subscription. */
export function savePushSubscription(subscription: PushSubscriptionInput): Promise<null> {
  return apiRequest<null>('PUT', '/api/v1/me/push-subscriptions', { body: subscription })
}

/** Stops pushes to this browser's subscription. */
export function deletePushSubscription(endpoint: string): Promise<null> {
  return apiRequest<null>('DELETE', '/api/v1/me/push-subscriptions', { body: { endpoint } })
}
