import {
  COMPLAINT_CATEGORY_NAMES,
  COMPLAINT_STATUS_NAMES,
  type ComplaintConcerns,
  type ComplaintDetail,
  type ComplaintSummary,
  type StaffComplainant,
  type StaffComplaintDetail,
  type StaffComplaintSummary,
} from '../../../contract/complaints.ts'
import type { WorkingDayCalendar } from '../../../contract/working-days/working-days.ts'
import { maskName, maskPhone } from '../appointments/booking-views.ts'
import type { ComplaintRecord, StoredComplaint } from '../repositories/complaints-repository.ts'
import { complaintDeadlines } from './complaint-deadlines.ts'

export interface ViewContext {
  calendar: WorkingDayCalendar
  today: string
}

const EXCERPT_LENGTH = 80

function excerpt(description: string): string {
  const characters = [...description]
  return characters.length <= EXCERPT_LENGTH ? description : `${characters.slice(0, EXCERPT_LENGTH).join('')}…`
}

function core(record: ComplaintRecord, context: ViewContext) {
  return {
    trackingNumber: record.trackingNumber,
    kind: record.kind,
    category: record.category,
    categoryName: COMPLAINT_CATEGORY_NAMES[record.category],
    status: record.status,
    statusName: COMPLAINT_STATUS_NAMES[record.status],
    submittedAt: record.submittedAt.toISOString(),
    anonymous: record.anonymous,
    deadlines: complaintDeadlines(record, context),
  }
}

function concerns(record: ComplaintRecord): ComplaintConcerns {
  return {
    hall: record.hallId ? { id: record.hallId, name: record.hallName ?? record.hallId } : null,
    window: record.windowId ? { id: record.windowId, number: record.windowNumber ?? '', name: record.windowName ?? record.windowId } : null,
    staffName: record.staffName,
    item: record.itemCode ? { code: record.itemCode, name: record.itemName ?? record.itemCode } : null,
    caseNumber: record.caseNumber,
    booking: record.booking,
  }
}

function answerOf(record: ComplaintRecord) {
  return record.answer !== null && record.answeredAt !== null ? { text: record.answer, answeredAt: record.answeredAt.toISOString() } : null
}

function ratingOf(record: ComplaintRecord) {
  return record.satisfied !== null && record.ratedAt !== null
    ? { satisfied: record.satisfied, comment: record.ratingComment, ratedAt: record.ratedAt.toISOString() }
    : null
}

/** Whether the latest answer can be rated now: answered (or closed by staff) and not rated yet. */
export function canRate(record: ComplaintRecord): boolean {
  return (record.status === 'answered' || record.status === 'closed') && record.answer !== null && record.satisfied === null
}

/** Whether a not-satisfied rating may still reopen the complaint: rateable and never reopened. */
export function canReopen(record: ComplaintRecord): boolean {
  return canRate(record) && record.reopenedAt === null
}

export function complaintSummary(record: ComplaintRecord, context: ViewContext): ComplaintSummary {
  return { ...core(record, context), excerpt: excerpt(record.description), answered: record.answer !== null }
}

/**
 * The complainant's view. Through the query code (`via: 'lookup'`) the contact phone is masked:
 * whoever holds the code sees the complaint, not the complainant's number in full.
 */
export function complaintDetail(stored: StoredComplaint, context: ViewContext, via: 'account' | 'lookup'): ComplaintDetail {
  const contact =
    stored.contactName !== null && stored.contactPhone !== null
      ? { name: via === 'lookup' ? maskName(stored.contactName) : stored.contactName, phone: via === 'lookup' ? maskPhone(stored.contactPhone) : stored.contactPhone }
      : null
  return {
    ...core(stored, context),
    concerns: concerns(stored),
    description: stored.description,
    occurredAt: stored.occurredAt?.toISOString() ?? null,
    photos: stored.photos.map(({ photoId, mediaType, bytes }) => ({ photoId, mediaType, bytes })),
    contact,
    timeline: stored.events.map((event) => ({ at: event.at.toISOString(), status: event.status, statusName: COMPLAINT_STATUS_NAMES[event.status] })),
    answer: answerOf(stored),
    rating: ratingOf(stored),
    canRate: canRate(stored),
    canReopen: canReopen(stored),
  }
}

/** Who staff see as the viewer of contact data: the handler and supervisors see it, others masked. */
export interface StaffViewer {
  id: string
  role: 'clerk' | 'supervisor' | 'admin'
}

/** Whether the staff member sees a real-name complainant's contact in full. */
export function seesContact(viewer: StaffViewer, record: ComplaintRecord): boolean {
  return viewer.role !== 'clerk' || record.handler?.id === viewer.id
}

function complainant(record: ComplaintRecord, viewer: StaffViewer): StaffComplainant {
  if (record.anonymous || record.contactName === null || record.contactPhone === null) return { anonymous: true }
  if (seesContact(viewer, record)) return { anonymous: false, name: record.contactName, phone: record.contactPhone, masked: false }
  return { anonymous: false, name: maskName(record.contactName), phone: maskPhone(record.contactPhone), masked: true }
}

function staffCore(record: ComplaintRecord, context: ViewContext) {
  return {
    ...core(record, context),
    hallId: record.hallId,
    departmentId: record.departmentId,
    handler: record.handler,
    reopened: record.reopenedAt !== null,
    satisfied: record.satisfied,
    excerpt: excerpt(record.description),
  }
}

export function staffComplaintSummary(record: ComplaintRecord, context: ViewContext): StaffComplaintSummary {
  return staffCore(record, context)
}

/**
 * The staff view: an anonymous complaint says nothing of who sent it (not even a case or
 * booking, which submission refuses for anonymous ones); a real-name one shows its contact to
 * the handler and supervisors, masked to other staff. Steps done by the citizen read 市民.
 */
export function staffComplaintDetail(stored: StoredComplaint, context: ViewContext, viewer: StaffViewer): StaffComplaintDetail {
  return {
    ...staffCore(stored, context),
    concerns: concerns(stored),
    description: stored.description,
    occurredAt: stored.occurredAt?.toISOString() ?? null,
    photos: stored.photos.map(({ photoId, mediaType, bytes }) => ({ photoId, mediaType, bytes })),
    complainant: complainant(stored, viewer),
    timeline: stored.events.map((event) => ({
      at: event.at.toISOString(),
      status: event.status,
      statusName: COMPLAINT_STATUS_NAMES[event.status],
      actor: event.actorKind === 'citizen' ? '市民' : (event.staffName ?? '工作人员'),
      note: event.note,
    })),
    answer: answerOf(stored),
    rating: ratingOf(stored),
  }
}
