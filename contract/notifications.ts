import { Type, type Static } from 'typebox'
import { Timestamp } from './common.ts'

// Notifications (消息, PRODUCT.md §5): the citizen is told when their case moves — a new status,
// a correction request (补正, everything missing listed at once), the result ready to collect, a
// follow-up's outcome after a poor rating. They are read in the app's notification centre and, where
// the browser supports it and the citizen opts in, arrive as Web Push.
//
// Notification centre (signed-in citizen, only their own):
//   GET  /api/v1/me/notifications?limit=&cursor=   NotificationList, newest first, with the unread
//        count; `nextCursor` (null at the end) fetches the next page.
//   POST /api/v1/me/notifications/read  { ids } or { all: true }  (X-CSRF-Token) marks them read and
//        answers the unread count. Idempotent: marking a read one again changes nothing; ids that are
//        not the caller's are ignored (never revealing whether they exist).
//
// Web Push (VAPID, payload encrypted aes128gcm):
//   GET    /api/v1/push/vapid-public-key      the applicationServerKey for pushManager.subscribe
//   PUT    /api/v1/me/push-subscriptions      PushSubscription.toJSON() (endpoint + keys): stores
//          or moves the browser's subscription to the caller; 204
//   DELETE /api/v1/me/push-subscriptions      { endpoint }: removes it if it is the caller's; 204
// The push message is a JSON PushMessage; the service worker shows it and opens `url` on click.

/** What a notification is about. */
export const NotificationKind = Type.Union([
  Type.Literal('case_status'),
  Type.Literal('correction_requested'),
  Type.Literal('result_ready'),
  Type.Literal('follow_up_outcome'),
  // A booked visit is near (the day before, two hours before): contract/appointments.ts.
  Type.Literal('appointment_reminder'),
  // A home-service (上门服务) request was confirmed with a time, or declined with a reason.
  Type.Literal('home_service'),
  // A booking was cancelled because the hall's schedule no longer offers its slot (a closed day, changed hours).
  Type.Literal('appointment_cancelled'),
  // A complaint or suggestion was answered (contract/complaints.ts); the body names its tracking number.
  Type.Literal('complaint_answered'),
])
export type NotificationKind = Static<typeof NotificationKind>

export const NotificationItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: NotificationKind,
  /** The case it is about, if any. */
  caseNumber: Type.Union([Type.String(), Type.Null()]),
  /**
   * The app path tapping the notification opens: the case (/me/cases/<caseNumber>), a booking,
   * a home-service request, a complaint; null when there is nothing beyond the notification.
   */
  link: Type.Union([Type.String({ pattern: '^/[^/]' }), Type.Null()]),
  title: Type.String(),
  body: Type.String(),
  createdAt: Timestamp,
  /** null while unread. */
  readAt: Type.Union([Timestamp, Type.Null()]),
})
export type NotificationItem = Static<typeof NotificationItem>

export const NOTIFICATIONS_PAGE_SIZE = 20
export const NOTIFICATIONS_PAGE_MAX = 100

/** Opaque position in the list (answered as nextCursor). */
export const notificationCursorPattern = '^[0-9]{1,15}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'

export const NotificationListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: NOTIFICATIONS_PAGE_MAX, default: NOTIFICATIONS_PAGE_SIZE, examples: [20] })),
  cursor: Type.Optional(Type.String({ pattern: notificationCursorPattern, examples: ['1795600000000_00000000-0000-4000-8000-000000000000'] })),
})
export type NotificationListQuery = Static<typeof NotificationListQuery>

export const NotificationList = Type.Object({
  items: Type.Array(NotificationItem),
  /** Unread notifications in all (not only on this page): the badge on 我的. */
  unreadCount: Type.Integer({ minimum: 0 }),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
})
export type NotificationList = Static<typeof NotificationList>

export const MarkNotificationsRead = Type.Union([
  Type.Object({ ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: NOTIFICATIONS_PAGE_MAX, examples: [['00000000-0000-4000-8000-000000000000']] }) }, { additionalProperties: false }),
  Type.Object({ all: Type.Literal(true) }, { additionalProperties: false }),
])
export type MarkNotificationsRead = Static<typeof MarkNotificationsRead>

export const UnreadCount = Type.Object({ unreadCount: Type.Integer({ minimum: 0 }) })
export type UnreadCount = Static<typeof UnreadCount>

export const VapidPublicKey = Type.Object({
  /** base64url P-256 public key: pushManager.subscribe({ applicationServerKey }). */
  publicKey: Type.String(),
})
export type VapidPublicKey = Static<typeof VapidPublicKey>

/** A push service endpoint: https (the server refuses others unless configured for a local test service). */
export const PushEndpoint = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, examples: ['https://push.example.com/send/abc123'] })

/** PushSubscription.toJSON(), as browsers give it. */
export const PushSubscriptionInput = Type.Object({
  endpoint: PushEndpoint,
  expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  keys: Type.Object({
    p256dh: Type.String({ pattern: '^[A-Za-z0-9_-]{80,100}=*$', examples: ['BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM'] }),
    auth: Type.String({ pattern: '^[A-Za-z0-9_-]{16,30}=*$', examples: ['tBHItJI5svbpez7KI4CCXg'] }),
  }),
}, { additionalProperties: false })
export type PushSubscriptionInput = Static<typeof PushSubscriptionInput>

export const PushSubscriptionRemoval = Type.Object({ endpoint: PushEndpoint }, { additionalProperties: false })
export type PushSubscriptionRemoval = Static<typeof PushSubscriptionRemoval>

/** What the service worker receives in a push (decrypted by the browser). */
export const PushMessage = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  caseNumber: Type.Union([Type.String(), Type.Null()]),
  /** The app path to open on click: the notification's link, else /me/notifications. */
  url: Type.String(),
})
export type PushMessage = Static<typeof PushMessage>
