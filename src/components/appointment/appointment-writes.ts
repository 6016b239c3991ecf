import type { OutboxItem, OutboxKind } from '../../outbox/types.ts'

/** The outbox kinds of 预约: bookings, their cancelling and moving, and 上门服务 requests. */
export const APPOINTMENT_KINDS: readonly OutboxKind[] = ['booking', 'booking-cancel', 'booking-reschedule', 'home-service-request', 'home-service-cancel']

/** The write of `kind` about one booking or request that is still waiting or being sent (one at a time). */
export function waitingWrite(items: readonly OutboxItem[], ownerId: string | null, match: (item: OutboxItem) => boolean): OutboxItem | undefined {
  return items.find((item) => item.ownerId === ownerId && (item.state === 'pending' || item.state === 'sending') && match(item))
}
