// The citizen's side of 投诉建议 (contract/complaints.ts), without TypeBox so that the pages stay
// small: the form's values as a draft keeps them, the checks made before a complaint goes into the
// outbox (messages are locale keys), and the body sent. Limits restate the contract's.
import type { ComplaintCategory, ComplaintInput, ComplaintKind } from '../../../contract/complaints.ts'
import { shanghaiToday } from '../../../contract/local-date.ts'

/** contract COMPLAINT_CATEGORIES, in the order the form offers them. */
export const COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = ['service_attitude', 'efficiency', 'discipline', 'extra_requirements', 'facilities', 'guide_error', 'other']
export const COMPLAINT_KINDS: readonly ComplaintKind[] = ['complaint', 'suggestion']
/** contract COMPLAINT_DESCRIPTION_MIN / _MAX (characters once trimmed). */
export const DESCRIPTION_MIN = 10
export const DESCRIPTION_MAX = 2000
/** contract COMPLAINT_PHOTOS_MAX. */
export const PHOTOS_MAX = 9
/** contract COMPLAINT_PHOTO_MAX_BYTES and COMPLAINT_PHOTO_MEDIA_TYPES: what the server takes, after compression. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024
export const PHOTO_MEDIA_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp']
/** contract contactPhonePattern: a mobile, or a landline with its area code. */
const contactPhonePattern = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/
/** contract trackingNumberPattern and queryCodePattern. */
export const trackingNumberPattern = /^TS-[0-9]{8}-[0-9]{4,6}$/
export const queryCodePattern = /^[A-Za-z0-9]{10}$/

/** Everything the form holds, as its draft keeps it ('' for not chosen). */
export interface ComplaintFormValues {
  kind: ComplaintKind
  category: ComplaintCategory | ''
  hallId: string
  windowId: string
  staffName: string
  itemCode: string
  /** The item's name when picked, so that the draft shows it offline. */
  itemName: string
  caseNumber: string
  bookingId: string
  description: string
  /** YYYY-MM-DD, Asia/Shanghai. */
  occurredDate: string
  /** HH:mm, optional. */
  occurredTime: string
  anonymous: boolean
  contactName: string
  contactPhone: string
}

export function emptyComplaintValues(): ComplaintFormValues {
  return {
    kind: 'complaint',
    category: '',
    hallId: '',
    windowId: '',
    staffName: '',
    itemCode: '',
    itemName: '',
    caseNumber: '',
    bookingId: '',
    description: '',
    occurredDate: '',
    occurredTime: '',
    anonymous: false,
    contactName: '',
    contactPhone: '',
  }
}

export type ComplaintField = 'category' | 'description' | 'occurredDate' | 'occurredTime' | 'photos' | 'contactName' | 'contactPhone' | 'signIn'
export type ComplaintProblems = Partial<Record<ComplaintField, string>>

/** Characters as the server counts them (code points). */
export const textLength = (text: string): number => [...text.trim()].length

/**
 * The moment as the API takes it: the day and time read in Asia/Shanghai (+08:00). Without a time
 * the day's start is sent, which is never in the future for today (shown as the day alone).
 */
export function occurredAtIso(date: string, time: string): string {
  return `${date}T${time || '00:00'}:00+08:00`
}

/** Typed number without spaces and the brackets people write around an area code. */
export const normalisedContactPhone = (phone: string): string => phone.replace(/[\s()（）]/g, '')

/**
 * The checks a complaint must pass before it is queued; empty when it may be sent. `signedIn`:
 * a real-name complaint needs a session; `now` for "not in the future".
 */
export function checkComplaint(values: ComplaintFormValues, photoCount: number, signedIn: boolean, now: Date = new Date()): ComplaintProblems {
  const problems: ComplaintProblems = {}
  if (values.category === '') problems.category = 'complaints.problems.category'
  const length = textLength(values.description)
  if (length === 0) problems.description = 'complaints.problems.descriptionMissing'
  else if (length < DESCRIPTION_MIN) problems.description = 'complaints.problems.descriptionShort'
  else if (length > DESCRIPTION_MAX) problems.description = 'complaints.problems.descriptionLong'
  if (values.occurredDate === '') {
    if (values.kind === 'complaint') problems.occurredDate = 'complaints.problems.occurredMissing'
  } else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.occurredDate)) problems.occurredDate = 'complaints.problems.occurredMissing'
  else if (values.occurredDate > shanghaiToday(now)) problems.occurredDate = 'complaints.problems.occurredFuture'
  else if (values.occurredTime !== '' && Date.parse(occurredAtIso(values.occurredDate, values.occurredTime)) > now.getTime()) problems.occurredTime = 'complaints.problems.occurredFuture'
  if (photoCount > PHOTOS_MAX) problems.photos = 'complaints.problems.photosTooMany'
  if (!values.anonymous) {
    if (!signedIn) problems.signIn = 'complaints.problems.signInForRealName'
    if (values.contactName.trim() === '') problems.contactName = 'complaints.problems.contactName'
    else if ([...values.contactName.trim()].length > 30) problems.contactName = 'complaints.problems.contactNameLong'
    if (!contactPhonePattern.test(normalisedContactPhone(values.contactPhone))) problems.contactPhone = 'complaints.problems.contactPhone'
  }
  return problems
}

/**
 * The body of POST /api/v1/complaints for checked values (photo ids are added when it is sent).
 * An anonymous complaint names none of the citizen's cases or bookings and carries no contact:
 * either would tell staff who sent it.
 */
export function complaintInput(values: ComplaintFormValues): Omit<ComplaintInput, 'photoIds'> {
  const concerns: ComplaintInput['concerns'] = {}
  if (values.hallId) concerns.hallId = values.hallId
  if (values.hallId && values.windowId) concerns.windowId = values.windowId
  if (values.hallId && values.windowId && values.staffName) concerns.staffName = values.staffName
  if (values.itemCode) concerns.itemCode = values.itemCode
  if (!values.anonymous && values.caseNumber) concerns.caseNumber = values.caseNumber
  if (!values.anonymous && values.bookingId) concerns.bookingId = values.bookingId
  return {
    kind: values.kind,
    category: values.category as ComplaintCategory,
    concerns,
    description: values.description.trim(),
    ...(values.occurredDate && { occurredAt: occurredAtIso(values.occurredDate, values.occurredTime) }),
    anonymous: values.anonymous,
    ...(!values.anonymous && { contact: { name: values.contactName.trim(), phone: normalisedContactPhone(values.contactPhone) } }),
  }
}
