import type { OutboxItem } from './types.ts'

/** The reference the citizen can quote for an acknowledged write (e.g. JC20261125-0001). */
export function receiptReference(item: OutboxItem): string | null {
  switch (item.kind) {
    case 'inaccuracy-report':
      return item.response?.reference ?? null
    case 'application':
      return item.response?.caseNumber ?? null
    case 'correction-response':
      return item.body.caseNumber
    case 'case-rating':
      return item.body.caseNumber
    case 'hall-rating':
      return null
    // 预约: the booking code the hall checks in by.
    case 'booking':
    case 'booking-cancel':
    case 'booking-reschedule':
      return item.response?.code ?? null
    case 'home-service-request':
    case 'home-service-cancel':
      return null
    // 投诉建议: the tracking number (the query code is shown only on the complaint's own receipt).
    case 'complaint':
      return item.response?.trackingNumber ?? null
    case 'complaint-rating':
      return item.body.trackingNumber
  }
}
