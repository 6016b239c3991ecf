import { sendBooking, sendBookingCancel, sendBookingReschedule, sendHomeServiceCancel, sendHomeServiceRequest } from '../api/appointments.ts'
import { createInaccuracyReport } from '../api/inaccuracy-reports.ts'
import { rateHallVisit, rateMyCase } from '../api/ratings.ts'
import { sendApplication } from '../application/submission.ts'
import { sendCorrection } from '../application/correction-response.ts'
import { sendComplaint, sendComplaintRating } from '../components/complaint/complaint-writes.ts'
import type { OutboxTransport } from './sender.ts'

/** Sends an outbox item through the API function for its kind, with its id as the idempotency key. */
export const sendOutboxItem: OutboxTransport = (item) => {
  switch (item.kind) {
    case 'inaccuracy-report':
      return createInaccuracyReport(item.body, item.id)
    case 'application':
      return sendApplication(item.id, item.ownerId, item.body)
    case 'correction-response':
      return sendCorrection(item.id, item.ownerId, item.body)
    case 'case-rating':
      return rateMyCase(item.body, item.id)
    case 'hall-rating':
      return rateHallVisit(item.body, item.id)
    case 'booking':
      return sendBooking(item.id, item.ownerId, item.body)
    case 'booking-cancel':
      return sendBookingCancel(item.id, item.ownerId, item.body)
    case 'booking-reschedule':
      return sendBookingReschedule(item.id, item.ownerId, item.body)
    case 'home-service-request':
      return sendHomeServiceRequest(item.id, item.ownerId, item.body)
    case 'home-service-cancel':
      return sendHomeServiceCancel(item.id, item.ownerId, item.body)
    case 'complaint':
      return sendComplaint(item.id, item.ownerId, item.body)
    case 'complaint-rating':
      return sendComplaintRating(item.id, item.ownerId, item.body)
  }
}
