import type { CaseDetail, CaseReceipt } from '../../contract/applications.ts'
import type { InaccuracyReceipt, InaccuracyReportInput } from '../../contract/inaccuracy-reports.ts'
import type { HallRatingInput, Rating } from '../../contract/ratings.ts'
import type { CaseRatingWrite } from '../api/ratings.ts'
import type { BookingDetail, HomeServiceRequest } from '../../contract/appointments.ts'
import type { BookingCancelWrite, BookingRescheduleWrite, BookingWrite, HomeServiceCancelWrite, HomeServiceWrite } from '../api/appointments.ts'
import type { ApplicationSubmission } from '../application/submission.ts'
import type { CorrectionSubmission } from '../application/correction-response.ts'
import type { ComplaintDetail, ComplaintReceipt } from '../../contract/complaints.ts'
import type { ComplaintRatingWrite } from '../api/complaints.ts'
import type { ComplaintSubmission } from '../components/complaint/complaint-writes.ts'

/**
 * Every kind of write the citizen can make through the outbox, with what is sent and what
 * the server answers. A later feature adds its entry here and its sender in transports.ts.
 */
export interface OutboxWrites {
  'inaccuracy-report': { body: InaccuracyReportInput; response: InaccuracyReceipt }
  /** 一表申请: files are uploaded when it is sent; the answer is the case receipt (办件编号). */
  application: { body: ApplicationSubmission; response: CaseReceipt }
  /** 补正: the answer to a case's correction request, files uploaded when it is sent; the answer is the case as it now stands. */
  'correction-response': { body: CorrectionSubmission; response: CaseDetail }
  /** 好差评 of a completed case; the answer is the rating with its follow-up, if one was opened. */
  'case-rating': { body: CaseRatingWrite; response: Rating }
  /** 好差评 of a visit to a hall. */
  'hall-rating': { body: HallRatingInput; response: Rating }
  /** 预约: a booking of a slot; the answer is the booking with its code. */
  booking: { body: BookingWrite; response: BookingDetail }
  /** 取消预约, up to the hall's cut-off. */
  'booking-cancel': { body: BookingCancelWrite; response: BookingDetail }
  /** 改约: the same booking moved to another slot. */
  'booking-reschedule': { body: BookingRescheduleWrite; response: BookingDetail }
  /** 上门服务 request; the answer is the request, 待确认 until staff decide. */
  'home-service-request': { body: HomeServiceWrite; response: HomeServiceRequest }
  /** Withdrawing a 上门服务 request. */
  'home-service-cancel': { body: HomeServiceCancelWrite; response: HomeServiceRequest }
  /** 投诉建议: photos uploaded when it is sent; the answer is the tracking number and query code. */
  complaint: { body: ComplaintSubmission; response: ComplaintReceipt }
  /** 满意 / 不满意 with the official answer of a complaint, maybe reopening it; the answer is the complaint as it now stands. */
  'complaint-rating': { body: ComplaintRatingWrite; response: ComplaintDetail }
}

export type OutboxKind = keyof OutboxWrites

/**
 * pending: waiting to be sent (maybe backing off after a network error);
 * sending: claimed by one sender right now; sent: the server acknowledged it;
 * failed: the server refused it (4xx) — resending the same write cannot help.
 */
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed'

export interface OutboxItemBase {
  /** Client-generated; sent as the Idempotency-Key, so every retry is the same write to the server. */
  id: string
  state: OutboxState
  /** What the citizen sees in 待发送, e.g. 信息纠错 · 昆都仑区市民大厅. */
  summary: string
  /** ISO time the citizen made the write. */
  createdAt: string
  /** Send attempts that ended without an answer the outbox can settle on. */
  attempts: number
  /** Epoch ms before which a backed-off item is not retried (unless the connection just returned). */
  nextAttemptAt: number
  /** Epoch ms a sender claimed the item; a stale claim means that tab died mid-send. */
  claimedAt: number | null
  /** ISO time the server acknowledged the write. */
  sentAt: string | null
  /** The server's message (Chinese) when it refused the write. */
  error: string | null
  /** With a refused form (422 with fieldErrors): each problem and the field it belongs to. */
  errorFields?: Array<{ fieldKey: string; message: string }>
  /** When the write's request first left the phone, for writes that upload files first (outbox/file-uploads.ts). */
  requestLeftAt?: string | null
  /** The signed-in citizen the write belongs to (Me.id); sign-out removes their writes. Absent for anonymous writes. */
  ownerId?: string
}

/** One write in the outbox, typed by its kind. */
export type OutboxItem = {
  [Kind in OutboxKind]: OutboxItemBase & {
    kind: Kind
    body: OutboxWrites[Kind]['body']
    response: OutboxWrites[Kind]['response'] | null
  }
}[OutboxKind]

/** What a feature hands to the outbox. */
export type OutboxWrite = {
  [Kind in OutboxKind]: { kind: Kind; body: OutboxWrites[Kind]['body']; summary: string; ownerId?: string }
}[OutboxKind]
