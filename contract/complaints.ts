import { Type, type Static } from 'typebox'
import { caseNumberPattern } from './applications.ts'
import { Timestamp } from './common.ts'
import { itemCodePattern, LocalDate } from './guides.ts'

// 投诉建议 (PRODUCT.md §6, 第十九条): a citizen complains about, or suggests something for, a hall,
// a window, a staff member, a service item, one of their cases or bookings; staff acknowledge,
// handle and answer it within time limits counted in working days; the citizen rates the answer
// and may reopen the complaint once when not satisfied.
//
// Citizen side (X-CSRF-Token on every write made with a session cookie; a cookie whose token is
// missing or wrong answers 403 CSRF_TOKEN_INVALID rather than being treated as anonymous):
//   POST /api/v1/complaint-photos            raw image bytes (JPEG, PNG or WEBP, ≤ COMPLAINT_PHOTO_MAX_BYTES;
//        the app compresses photos first) → 201 ComplaintPhotoUpload. Sign-in optional: anonymous
//        complaints may carry photos too. Unattached photos expire (ComplaintPhotoUpload.expiresAt).
//        An anonymous photo's id is its only credential: keep it on the phone, never show it.
//        Limited per client address (COMPLAINT_LIMITS.photosPerAddress), 429 COMPLAINT_RATE_LIMITED.
//   POST /api/v1/complaints                  ComplaintInput → 201 ComplaintReceipt
//        Requires `Idempotency-Key` (the app sends through its outbox); a retry with the same key and
//        body answers the same receipt, query code included (`Idempotent-Replayed: true`).
//        Keys are scoped to the signed-in citizen, or — for senders without a session — to the key
//        itself: an anonymous sender's key must be a fresh random secret (a UUID); the server keeps
//        only its hash, and only a request carrying that key and the identical body replays.
//        Real-name complaints (anonymous: false) need a signed-in citizen (401) and `contact`;
//        anonymous ones need no sign-in and must not carry `contact`. When a signed-in citizen files
//        anonymously the complaint is still theirs (in their list, notified when answered) but staff
//        never learn who sent it; for the same reason an anonymous complaint cannot name one of the
//        caller's cases or bookings (422 CONCERNS_IDENTIFY_COMPLAINANT).
//        Senders without a session: COMPLAINT_LIMITS.anonymousPerAddress per address per day, kept in
//        the database; beyond: 429 COMPLAINT_RATE_LIMITED with Retry-After (seconds).
//        422 codes (message in Chinese, `details[0].path` names the field): HALL_NOT_FOUND,
//        WINDOW_NOT_FOUND (not a window of that hall), STAFF_NOT_FOUND (no such name on that window's
//        published staff cards), ITEM_NOT_FOUND, CASE_NOT_FOUND / BOOKING_NOT_FOUND (not the caller's,
//        or no session), OCCURRED_AT_IN_FUTURE, OCCURRED_AT_REQUIRED (a complaint needs it; a
//        suggestion may leave it out), CONTACT_REQUIRED, CONTACT_NOT_ALLOWED, PHOTO_NOT_FOUND (unknown,
//        expired, attached elsewhere, or another citizen's), DESCRIPTION_TOO_SHORT (under 10
//        characters once trimmed). Schema problems: 400 VALIDATION_FAILED.
//   GET  /api/v1/me/complaints               ComplaintList (signed in), newest first.
//   GET  /api/v1/me/complaints/{trackingNumber}   ComplaintDetail; 404 when not the caller's.
//   POST /api/v1/me/complaints/{trackingNumber}/rating   ComplaintRatingInput (+ Idempotency-Key)
//        → 200 ComplaintDetail. 409 COMPLAINT_NOT_ANSWERED before an answer, 409 ALREADY_RATED
//        (each answer once), 422 REOPEN_NOT_ALLOWED (reopen with satisfied, or a second reopen).
//        Satisfied closes the complaint; not satisfied with reopen: true reopens it (once).
//   GET  /api/v1/complaints/{trackingNumber}/photos/{photoId}   the image bytes, for the complainant
//        (signed in) and staff who may see the complaint; 404 for anyone else.
//        `cache-control: private, no-store`. Anonymous complainants use the lookup route below.
// Lookup with the query code (the only way back in for an anonymous complaint; credentials in the
// body, never in the URL; every failure — unknown number, wrong code — is the same 404
// COMPLAINT_LOOKUP_FAILED; limited per address and per tracking number, 429 COMPLAINT_LOOKUP_RATE_LIMITED):
//   POST /api/v1/complaint-lookups           ComplaintLookupInput → 200 ComplaintDetail
//   POST /api/v1/complaint-lookups/rating    ComplaintLookupRatingInput (+ Idempotency-Key) → 200 ComplaintDetail
//   POST /api/v1/complaint-lookups/photo     ComplaintLookupPhotoInput → 200 image bytes
//
// Staff side (staffSession; writes need X-CSRF-Token and take an optional Idempotency-Key; every
// read of a complaint and every action is audit-logged):
//   Who sees what: administrators all complaints; supervisors those concerning their halls or
//   departments, and those concerning no hall or department; clerks those concerning their halls or
//   departments and those assigned to them — never one that names them as the staff member
//   complained about, unless it was assigned to them. Anonymous complaints show no complainant to
//   anyone; a real-name complainant's name and phone are shown to the assigned handler, supervisors
//   and administrators, masked (王*, 138****0000) to other staff.
//   GET  /api/v1/staff/complaints?status=open|all|<ComplaintStatus>   StaffComplaintList: overdue
//        first, then by answer deadline, then oldest first. Default `open` (everything not closed).
//   GET  /api/v1/staff/complaints/{trackingNumber}      StaffComplaintDetail (404 when not visible)
//   GET  /api/v1/staff/complaints/handlers   ComplaintHandlerList (supervisor, admin): the active staff
//        accounts the caller may assign to — for a supervisor those sharing a hall or department with
//        them (and themselves), for an administrator all.
//   POST /api/v1/staff/complaints/{trackingNumber}/assignment  ComplaintAssignmentInput (supervisor,
//        admin): received | assigned | handling | reopened → assigned (to another handler, or again).
//        422 HANDLER_NOT_FOUND for an unknown or disabled account.
//   POST /api/v1/staff/complaints/{trackingNumber}/handling    ComplaintNoteInput: assigned | reopened
//        → handling (the handler, a supervisor, an administrator).
//   POST /api/v1/staff/complaints/{trackingNumber}/answer      ComplaintAnswerInput: assigned |
//        handling | reopened → answered (the handler, a supervisor, an administrator); the citizen is
//        notified (kind complaint_answered) when the complaint belongs to an account.
//   POST /api/v1/staff/complaints/{trackingNumber}/close       ComplaintNoteInput (supervisor, admin):
//        answered → closed.
//   Each answers 200 StaffComplaintDetail; a move the status does not allow: 409
//   COMPLAINT_STATUS_CONFLICT; an action the caller may not take on a complaint they can see: 403.
//
// Channels (第十九条: portal, WeChat official account, this app, kiosks, service hotline, complaint phones):
//   GET  /api/v1/complaint-channels          ComplaintChannelList (public): this app, 12345, each hall's
//        complaint phone (from the halls' published phones), the portal, the WeChat official account
//        and the halls' self-service kiosks. Entries not yet confirmed by the district say so.
//
// Time limits (server configuration, in working days, 调休 and holidays respected): acknowledgement
// (assigning a handler) within COMPLAINT_ACKNOWLEDGE_WORKING_DAYS and the answer within
// COMPLAINT_ANSWER_WORKING_DAYS, both counted from the day received (Asia/Shanghai; that day itself
// not counted). A reopened complaint's answer is due COMPLAINT_ANSWER_WORKING_DAYS after reopening.
//
// Text is plain text: the server stores and returns it as sent, and every view shows it as text
// (never as markup), so `<script>` in a description is just characters.

/** Complaint (投诉) or suggestion (建议). */
export const ComplaintKind = Type.Union([Type.Literal('complaint'), Type.Literal('suggestion')], { examples: ['complaint'] })
export type ComplaintKind = Static<typeof ComplaintKind>

export const COMPLAINT_KIND_NAMES: Record<ComplaintKind, string> = { complaint: '投诉', suggestion: '建议' }

export const COMPLAINT_CATEGORIES = [
  'service_attitude',
  'efficiency',
  'discipline',
  'extra_requirements',
  'facilities',
  'guide_error',
  'other',
] as const

/** What the complaint is about; `extra_requirements`: material or conditions beyond the guide (第四条 forbids them). */
export const ComplaintCategory = Type.Union(
  [
    Type.Literal('service_attitude'),
    Type.Literal('efficiency'),
    Type.Literal('discipline'),
    Type.Literal('extra_requirements'),
    Type.Literal('facilities'),
    Type.Literal('guide_error'),
    Type.Literal('other'),
  ],
  { examples: ['service_attitude'] },
)
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number]

export const COMPLAINT_CATEGORY_NAMES: Record<ComplaintCategory, string> = {
  service_attitude: '服务态度',
  efficiency: '办事效率/超期',
  discipline: '工作纪律',
  extra_requirements: '要求提供指南以外的材料',
  facilities: '设施环境',
  guide_error: '办事指南内容有误',
  other: '其他',
}

export const COMPLAINT_STATUSES = ['received', 'assigned', 'handling', 'answered', 'closed', 'reopened'] as const

/**
 * received → assigned → handling → answered → closed; answered or closed → reopened (once, by the
 * citizen, when not satisfied) → assigned | handling | answered again.
 */
export const ComplaintStatus = Type.Union(
  [Type.Literal('received'), Type.Literal('assigned'), Type.Literal('handling'), Type.Literal('answered'), Type.Literal('closed'), Type.Literal('reopened')],
  { examples: ['received'] },
)
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]

export const COMPLAINT_STATUS_NAMES: Record<ComplaintStatus, string> = {
  received: '已收到',
  assigned: '已分派',
  handling: '办理中',
  answered: '已答复',
  closed: '已办结',
  reopened: '已重新办理',
}

export const COMPLAINT_DESCRIPTION_MIN = 10
export const COMPLAINT_DESCRIPTION_MAX = 2000
export const COMPLAINT_PHOTOS_MAX = 9
/** Largest photo accepted (the app compresses before upload). */
export const COMPLAINT_PHOTO_MAX_BYTES = 5 * 1024 * 1024
export const COMPLAINT_PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

/** Rate limits, counted in the database per client address (and per tracking number for lookups). */
export const COMPLAINT_LIMITS = {
  /** Complaints without a session per address per day. */
  anonymousPerAddress: 5,
  anonymousWindowMinutes: 24 * 60,
  /** Photo uploads per address per hour. */
  photosPerAddress: 40,
  photosWindowMinutes: 60,
  /** Lookups (incl. rating and photo by query code) per address per 15 minutes. */
  lookupsPerAddress: 20,
  lookupsPerAddressWindowMinutes: 15,
  /** Wrong query codes per tracking number per hour. */
  lookupFailuresPerTrackingNumber: 5,
  lookupFailuresWindowMinutes: 60,
} as const

/** TS-<YYYYMMDD received>-<NNNN>. */
export const trackingNumberPattern = '^TS-[0-9]{8}-[0-9]{4,6}$'
export const TrackingNumber = Type.String({ pattern: trackingNumberPattern, description: '投诉建议编号，如 TS-20261125-0001', examples: ['TS-20261125-0001'] })

/** The characters of a query code: no 0/O, 1/I/L, so it can be read out and typed without doubt. */
export const QUERY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const QUERY_CODE_LENGTH = 10
/** Case-insensitive when typed; the server compares in upper case. */
export const queryCodePattern = '^[A-Za-z0-9]{10}$'
export const QueryCode = Type.String({ pattern: queryCodePattern, description: '查询码 (10 characters of QUERY_CODE_ALPHABET)', examples: ['ABCD2345EF'] })

const uuid = (example: string) => Type.String({ format: 'uuid', examples: [example] })
const slug = (example: string) => Type.String({ pattern: '^[a-z0-9-]{1,64}$', examples: [example] })
const PlainText = (min: number, max: number, example: string, description: string) =>
  Type.String({ minLength: min, maxLength: max, pattern: '\\S', description, examples: [example] })

/**
 * What the complaint concerns, each picked from a list the API gives: the hall (GET /api/v1/halls),
 * its window and a staff member by the name on that window's staff card (GET /api/v1/halls/{id}),
 * an item (catalogue), one of the caller's cases (GET /api/v1/me/cases) or bookings
 * (GET /api/v1/me/bookings). All optional; windowId needs hallId, staffName needs windowId.
 */
export const ComplaintConcernsInput = Type.Object(
  {
    hallId: Type.Optional(slug('kundulun-civic-centre')),
    windowId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, examples: ['kundulun-civic-centre-w07'] })),
    staffName: Type.Optional(Type.String({ minLength: 1, maxLength: 30, examples: ['周琳'] })),
    itemCode: Type.Optional(Type.String({ pattern: itemCodePattern, examples: ['1115020300011500200001'] })),
    caseNumber: Type.Optional(Type.String({ pattern: caseNumberPattern, examples: ['KDL-20261125-0001'] })),
    bookingId: Type.Optional(uuid('00000000-0000-4000-8000-000000000000')),
  },
  { additionalProperties: false },
)
export type ComplaintConcernsInput = Static<typeof ComplaintConcernsInput>

/** A mobile (11 digits) or a landline with area code (0472-5990563). */
export const contactPhonePattern = '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'

export const ComplaintContactInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 30, pattern: '\\S', examples: ['王小明'] }),
    phone: Type.String({ pattern: contactPhonePattern, examples: ['13800000000'] }),
  },
  { additionalProperties: false },
)
export type ComplaintContactInput = Static<typeof ComplaintContactInput>

/**
 * Body of POST /api/v1/complaints. The examples name seeded data; an anonymous complaint leaves
 * out contact, caseNumber and bookingId. occurredAt may run a few minutes ahead (phone clocks).
 */
export const ComplaintInput = Type.Object(
  {
    kind: ComplaintKind,
    category: ComplaintCategory,
    concerns: ComplaintConcernsInput,
    description: PlainText(COMPLAINT_DESCRIPTION_MIN, COMPLAINT_DESCRIPTION_MAX, '窗口工作人员要求提供办事指南以外的证明材料。', 'What happened, plain text, 10–2000 characters.'),
    /** When it happened; not in the future. Required for a complaint, optional for a suggestion. */
    occurredAt: Type.Optional(Type.String({ format: 'date-time', examples: ['2026-01-05T09:30:00+08:00'] })),
    /** Ids from POST /api/v1/complaint-photos, at most 9. */
    photoIds: Type.Array(uuid('00000000-0000-4000-8000-000000000000'), { maxItems: COMPLAINT_PHOTOS_MAX, uniqueItems: true, examples: [[]] }),
    anonymous: Type.Boolean({ examples: [true] }),
    /** Required when real-name, refused when anonymous. */
    contact: Type.Optional(ComplaintContactInput),
  },
  { additionalProperties: false },
)
export type ComplaintInput = Static<typeof ComplaintInput>

export const ComplaintPhotoUpload = Type.Object({
  photoId: Type.String({ format: 'uuid' }),
  mediaType: Type.String(),
  bytes: Type.Integer(),
  /** Attach it before then, or it is forgotten. */
  expiresAt: Timestamp,
})
export type ComplaintPhotoUpload = Static<typeof ComplaintPhotoUpload>

export const ComplaintPhoto = Type.Object({
  photoId: Type.String({ format: 'uuid' }),
  mediaType: Type.String(),
  bytes: Type.Integer(),
})
export type ComplaintPhoto = Static<typeof ComplaintPhoto>

/** What the complaint concerns, resolved to names (null where not given). */
export const ComplaintConcerns = Type.Object({
  hall: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  window: Type.Union([Type.Object({ id: Type.String(), number: Type.String(), name: Type.String() }), Type.Null()]),
  staffName: Type.Union([Type.String(), Type.Null()]),
  item: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  caseNumber: Type.Union([Type.String(), Type.Null()]),
  booking: Type.Union([Type.Object({ id: Type.String(), date: LocalDate, startTime: Type.String(), itemName: Type.String() }), Type.Null()]),
})
export type ComplaintConcerns = Static<typeof ComplaintConcerns>

/** One step of handling as the citizen sees it (who in the office acted is not shown). */
export const ComplaintStep = Type.Object({
  at: Timestamp,
  status: ComplaintStatus,
  statusName: Type.String(),
})
export type ComplaintStep = Static<typeof ComplaintStep>

export const ComplaintAnswer = Type.Object({
  /** The official reply, plain text. */
  text: Type.String(),
  answeredAt: Timestamp,
})

export const ComplaintRating = Type.Object({
  satisfied: Type.Boolean(),
  comment: Type.Union([Type.String(), Type.Null()]),
  ratedAt: Timestamp,
})
export type ComplaintRating = Static<typeof ComplaintRating>

/** Time limits of the complaint: dates (Asia/Shanghai) and how they stand today. */
export const ComplaintDeadlines = Type.Object({
  /** A handler is assigned by this day. */
  acknowledgeBy: LocalDate,
  /** The answer is due by this day (after a reopening: the new due day). */
  answerBy: LocalDate,
  /** Working days left until answerBy (negative when overdue); null once answered or closed. */
  workingDaysLeft: Type.Union([Type.Integer(), Type.Null()]),
  /** Which limit has passed unmet: the acknowledgement, the answer, or none. */
  overdue: Type.Union([Type.Literal('acknowledgement'), Type.Literal('answer'), Type.Null()]),
})
export type ComplaintDeadlines = Static<typeof ComplaintDeadlines>

const complaintCoreFields = {
  trackingNumber: TrackingNumber,
  kind: ComplaintKind,
  category: ComplaintCategory,
  categoryName: Type.String(),
  status: ComplaintStatus,
  statusName: Type.String(),
  submittedAt: Timestamp,
  anonymous: Type.Boolean(),
  deadlines: ComplaintDeadlines,
}

/** A row of GET /api/v1/me/complaints. */
export const ComplaintSummary = Type.Object({
  ...complaintCoreFields,
  /** The first 80 characters of the description. */
  excerpt: Type.String(),
  answered: Type.Boolean(),
})
export type ComplaintSummary = Static<typeof ComplaintSummary>

export const ComplaintList = Type.Object({ complaints: Type.Array(ComplaintSummary) })
export type ComplaintList = Static<typeof ComplaintList>

/** A complaint as its complainant sees it (signed in, or through the query code). */
export const ComplaintDetail = Type.Object({
  ...complaintCoreFields,
  concerns: ComplaintConcerns,
  description: Type.String(),
  occurredAt: Type.Union([Timestamp, Type.Null()]),
  photos: Type.Array(ComplaintPhoto),
  /** The contact given (real-name); through the query code the phone is masked. Null when anonymous. */
  contact: Type.Union([Type.Object({ name: Type.String(), phone: Type.String() }), Type.Null()]),
  /** Oldest first. */
  timeline: Type.Array(ComplaintStep),
  /** The latest official answer; null until answered. */
  answer: Type.Union([ComplaintAnswer, Type.Null()]),
  /** The rating of the latest answer; null until rated. */
  rating: Type.Union([ComplaintRating, Type.Null()]),
  /** Whether the latest answer may be rated now. */
  canRate: Type.Boolean(),
  /** Whether a not-satisfied rating may reopen the complaint (once only). */
  canReopen: Type.Boolean(),
})
export type ComplaintDetail = Static<typeof ComplaintDetail>

/** Answer of POST /api/v1/complaints: the only time the query code is shown (and on replays of the same write). */
export const ComplaintReceipt = Type.Object({
  trackingNumber: TrackingNumber,
  queryCode: Type.String({ description: 'Show it once with the tracking number: the way back in without signing in.' }),
  complaint: ComplaintDetail,
})
export type ComplaintReceipt = Static<typeof ComplaintReceipt>

export const ComplaintParams = Type.Object({ trackingNumber: TrackingNumber })
export type ComplaintParams = Static<typeof ComplaintParams>

export const ComplaintPhotoParams = Type.Object({ trackingNumber: TrackingNumber, photoId: uuid('00000000-0000-4000-8000-000000000000') })
export type ComplaintPhotoParams = Static<typeof ComplaintPhotoParams>

const ratingFields = {
  satisfied: Type.Boolean({ examples: [true] }),
  comment: Type.Optional(Type.String({ maxLength: 500, examples: ['答复及时'] })),
  /** With satisfied: false, reopens the complaint (once). */
  reopen: Type.Optional(Type.Boolean({ examples: [false] })),
}

/** Body of POST /api/v1/me/complaints/{trackingNumber}/rating. */
export const ComplaintRatingInput = Type.Object(ratingFields, { additionalProperties: false })
export type ComplaintRatingInput = Static<typeof ComplaintRatingInput>

/** Body of POST /api/v1/complaint-lookups. */
export const ComplaintLookupInput = Type.Object({ trackingNumber: TrackingNumber, queryCode: QueryCode }, { additionalProperties: false })
export type ComplaintLookupInput = Static<typeof ComplaintLookupInput>

/** Body of POST /api/v1/complaint-lookups/rating. */
export const ComplaintLookupRatingInput = Type.Object({ trackingNumber: TrackingNumber, queryCode: QueryCode, ...ratingFields }, { additionalProperties: false })
export type ComplaintLookupRatingInput = Static<typeof ComplaintLookupRatingInput>

/** Body of POST /api/v1/complaint-lookups/photo. */
export const ComplaintLookupPhotoInput = Type.Object(
  { trackingNumber: TrackingNumber, queryCode: QueryCode, photoId: uuid('00000000-0000-4000-8000-000000000000') },
  { additionalProperties: false },
)
export type ComplaintLookupPhotoInput = Static<typeof ComplaintLookupPhotoInput>

/** The one answer to every failed lookup. */
export const COMPLAINT_LOOKUP_FAILED_MESSAGE = '未查询到投诉建议，请核对编号和查询码'

// ---- staff ----

export const StaffComplaintQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all'), ...COMPLAINT_STATUSES.map((status) => Type.Literal(status))], { examples: ['open'] })),
})
export type StaffComplaintQuery = Static<typeof StaffComplaintQuery>

const staffRef = Type.Union([Type.Object({ id: Type.String({ format: 'uuid' }), displayName: Type.String() }), Type.Null()])

/** Who complained, as staff see it. Anonymous: nothing; real-name: masked unless the caller handles or supervises. */
export const StaffComplainant = Type.Union([
  Type.Object({ anonymous: Type.Literal(true) }),
  Type.Object({ anonymous: Type.Literal(false), name: Type.String(), phone: Type.String(), masked: Type.Boolean() }),
])
export type StaffComplainant = Static<typeof StaffComplainant>

const staffComplaintFields = {
  ...complaintCoreFields,
  hallId: Type.Union([Type.String(), Type.Null()]),
  departmentId: Type.Union([Type.String(), Type.Null()]),
  handler: staffRef,
  reopened: Type.Boolean(),
  /** The rating of the latest answer, null while unrated. */
  satisfied: Type.Union([Type.Boolean(), Type.Null()]),
  excerpt: Type.String(),
}

export const StaffComplaintSummary = Type.Object(staffComplaintFields)
export type StaffComplaintSummary = Static<typeof StaffComplaintSummary>

export const StaffComplaintList = Type.Object({
  complaints: Type.Array(StaffComplaintSummary),
  /** How many of the listed complaints are past a time limit (shown to supervisors as a flag). */
  overdueCount: Type.Integer({ minimum: 0 }),
})
export type StaffComplaintList = Static<typeof StaffComplaintList>

/** One step as staff see it: who acted (display name; `市民` for the complainant) and their note. */
export const StaffComplaintStep = Type.Object({
  at: Timestamp,
  status: ComplaintStatus,
  statusName: Type.String(),
  actor: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
})

export const StaffComplaintDetail = Type.Object({
  ...staffComplaintFields,
  concerns: ComplaintConcerns,
  description: Type.String(),
  occurredAt: Type.Union([Timestamp, Type.Null()]),
  photos: Type.Array(ComplaintPhoto),
  complainant: StaffComplainant,
  timeline: Type.Array(StaffComplaintStep),
  answer: Type.Union([ComplaintAnswer, Type.Null()]),
  rating: Type.Union([ComplaintRating, Type.Null()]),
})
export type StaffComplaintDetail = Static<typeof StaffComplaintDetail>

export const ComplaintAssignmentInput = Type.Object(
  {
    /** A staff account id, from GET /api/v1/staff/complaints/handlers. */
    handlerId: uuid('3c9d2e71-5a4b-4f1e-9c0d-7b8a6e5f4d21'),
    note: Type.Optional(Type.String({ maxLength: 500, examples: ['请核实后答复'] })),
  },
  { additionalProperties: false },
)
export type ComplaintAssignmentInput = Static<typeof ComplaintAssignmentInput>

/** A staff member a supervisor may assign complaints to (GET /api/v1/staff/complaints/handlers). */
export const ComplaintHandler = Type.Object({
  id: Type.String({ format: 'uuid' }),
  displayName: Type.String(),
  role: Type.Union([Type.Literal('clerk'), Type.Literal('supervisor'), Type.Literal('admin')]),
})
export type ComplaintHandler = Static<typeof ComplaintHandler>

export const ComplaintHandlerList = Type.Object({ handlers: Type.Array(ComplaintHandler) })
export type ComplaintHandlerList = Static<typeof ComplaintHandlerList>

export const ComplaintNoteInput = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500, examples: ['已联系窗口核实'] })) }, { additionalProperties: false })
export type ComplaintNoteInput = Static<typeof ComplaintNoteInput>

export const ComplaintAnswerInput = Type.Object(
  { answer: PlainText(10, 2000, '经核实，窗口已按办事指南重新受理，并对相关人员进行了批评教育。', 'The official reply, as the citizen will read it.') },
  { additionalProperties: false },
)
export type ComplaintAnswerInput = Static<typeof ComplaintAnswerInput>

// ---- channels (第十九条) ----

export const ComplaintChannel = Type.Object({
  kind: Type.Union([Type.Literal('app'), Type.Literal('hotline'), Type.Literal('complaint_phone'), Type.Literal('portal'), Type.Literal('wechat'), Type.Literal('kiosk')]),
  name: Type.String(),
  /** How to reach it: a phone number (tap to call), a web address, an account name, or a place. */
  value: Type.String(),
  /** `tel` values can be dialled, `url` opened, `route` is a path of this app, `text` only shown. */
  valueKind: Type.Union([Type.Literal('tel'), Type.Literal('url'), Type.Literal('text'), Type.Literal('route')]),
  note: Type.Union([Type.String(), Type.Null()]),
  /** The hall whose complaint phone it is; null for district-wide channels. */
  hallId: Type.Union([Type.String(), Type.Null()]),
  /** false: not yet confirmed by the district (shown with 待核实). */
  confirmed: Type.Boolean(),
})
export type ComplaintChannel = Static<typeof ComplaintChannel>

export const ComplaintChannelList = Type.Object({ channels: Type.Array(ComplaintChannel) })
export type ComplaintChannelList = Static<typeof ComplaintChannelList>
