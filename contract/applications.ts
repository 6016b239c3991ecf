import { Type, type Static } from 'typebox'
import { ApplicationFieldError, ApplicationFieldValue, ApplicationValues } from './application-form.ts'
import { Timestamp } from './common.ts'
import type { ErrorBody } from './errors.ts'
import { itemCodePattern, LocalDate, TimeLimit } from './guides.ts'
import { CaseActorRole, CaseAction, CaseCorrectionRequest, CaseDeadlines, CaseRefusal, CaseResult, CaseStatus } from './case-lifecycle.ts'

// Submitting a one-form application (一表申请, PRODUCT.md §3) and the citizen's cases (办件,
// §5): material uploads, the submission that creates the case, and "my cases".
//
// Upload protocol (POST /api/v1/uploads, signed-in citizen):
//   - the body is the file's raw bytes (no multipart, no JSON), e.g. `fetch(url, { method:
//     'POST', body: blob })` or XMLHttpRequest for progress;
//   - `Content-Type` is the file's type, one of UPLOAD_MEDIA_TYPES (image/jpeg, image/png,
//     image/webp, application/pdf), or application/octet-stream when the browser does not know it:
//     the server does not trust it either way (see below);
//   - `X-File-Name` carries the file's name percent-encoded as UTF-8 (encodeURIComponent), since
//     header values are ASCII; the name never goes into the URL (names can hold personal data);
//   - `X-CSRF-Token` carries the session's CSRF token, as on every write (contract/auth.ts);
//   - the server reads the type from the bytes themselves (magic numbers): a file whose content
//     is none of the accepted types answers 415 UPLOAD_TYPE_REFUSED whatever its name or
//     Content-Type says; content of another accepted type than declared (PNG bytes sent as a .pdf)
//     is stored as what it really is, its name's extension corrected (answer's mediaType/fileName);
//   - limits: images 5 MB, PDFs 10 MB, and no body above UPLOAD_MAX_BYTES (10 MB by default) — 413;
//   - an upload belongs to the citizen who sent it and is attached by its uploadId in a
//     submission; one never attached is deleted after `expiresAt` (24 hours by default).
// No Idempotency-Key: a retried upload makes another upload of the same (deduplicated) bytes,
// and the one not attached expires.
//
// Submission (POST /api/v1/applications, signed-in citizen, X-CSRF-Token, Idempotency-Key
// required): the outbox sends it with its key until it gets an answer; a replay answers the first
// receipt (`Idempotent-Replayed: true`) and makes no second case. Errors:
//   400 VALIDATION_FAILED            the body's shape;
//   404 ITEM_NOT_FOUND               no published item with that code;
//   409 GUIDE_VERSION_CHANGED        the guide was republished since the form was filled in: the
//                                    answer's `currentVersion` (ApplicationError) names the one in
//                                    force; reload the guide, show what changed, ask again;
//   422 APPLICATION_NOT_ONLINE       the item has no applicationForm;
//   422 APPLICATION_INVALID          ApplicationError.fieldErrors lists every problem: the form's
//                                    values exactly as validateApplication (contract/application-
//                                    validation.ts) gives them, then the materials under fieldKey
//                                    `materials.<materialId>` (MATERIAL_FIELD_PREFIX): a required
//                                    one missing, one deferred that the guide does not mark 容缺,
//                                    an upload that is not the caller's, has expired or is already
//                                    attached to another case;
//   422 IDEMPOTENCY_KEY_REUSED       the key was used for a different submission.
//
// Cases: GET /api/v1/me/cases (CaseList, the caller's own, newest first) and GET
// /api/v1/me/cases/{caseNumber} (CaseDetail; 404 for a case that is not the caller's), and for
// staff GET /api/v1/staff/cases/{caseNumber} (staff of the handling department, administrators;
// 404 otherwise; every read is audit-logged). The case number is the only thing in the URL.

/** The types an upload may be; anything else is refused (415). */
export const UPLOAD_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const
export type UploadMediaType = (typeof UPLOAD_MEDIA_TYPES)[number]

/** The header carrying the uploaded file's name, percent-encoded UTF-8 (encodeURIComponent). */
export const UPLOAD_FILE_NAME_HEADER = 'X-File-Name'

/** An upload's id, as POST /api/v1/uploads answers it. */
export const UploadId = Type.String({ format: 'uuid' })

/** Headers of POST /api/v1/uploads (besides Content-Type and X-CSRF-Token). */
export const UploadHeaders = Type.Object({
  'x-file-name': Type.String({
    minLength: 1,
    maxLength: 1000,
    // What encodeURIComponent produces: unreserved characters and %XX escapes.
    pattern: "^[A-Za-z0-9%._~!*'()-]+$",
    description: 'The file name, percent-encoded UTF-8 (encodeURIComponent), e.g. %E6%88%B7%E5%8F%A3%E7%B0%BF.jpg for 户口簿.jpg.',
    examples: ['%E6%88%B7%E5%8F%A3%E7%B0%BF.png'],
  }),
})
export type UploadHeaders = Static<typeof UploadHeaders>

/** The answer to an upload: what was stored, as the server read it. */
export const Upload = Type.Object(
  {
    uploadId: UploadId,
    /** sha256 of the content, hex. */
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    /** The type the content really is (sniffed), which may differ from the Content-Type sent. */
    mediaType: Type.Union([Type.Literal('image/jpeg'), Type.Literal('image/png'), Type.Literal('image/webp'), Type.Literal('application/pdf')]),
    bytes: Type.Integer({ minimum: 1 }),
    /** The name sent, its extension matching mediaType. */
    fileName: Type.String(),
    /** Deleted after this unless attached to a submitted application. */
    expiresAt: Timestamp,
  },
  { $id: 'Upload' },
)
export type Upload = Static<typeof Upload>

const MaterialId = Type.String({ pattern: '^[a-z0-9_-]{1,60}$' })

/** The fieldKey of a material's problem in ApplicationError.fieldErrors: `materials.<materialId>`. */
export const MATERIAL_FIELD_PREFIX = 'materials.'

/** A material attached: the uploads that make it up (e.g. both sides of an ID card), in order. */
export const AttachedMaterialInput = Type.Object(
  { materialId: MaterialId, uploadIds: Type.Array(UploadId, { minItems: 1, maxItems: 20, uniqueItems: true }) },
  { additionalProperties: false },
)

/** A 容缺 (deferrable) material to be supplied later, with the applicant's commitment (告知承诺). */
export const DeferredMaterialInput = Type.Object(
  {
    materialId: MaterialId,
    deferred: Type.Literal(true),
    /** The commitment as the applicant agreed to it, e.g. 本人承诺在受理后5个工作日内补交…. */
    commitment: Type.String({ minLength: 5, maxLength: 1000, pattern: '\\S' }),
  },
  { additionalProperties: false },
)

export const ApplicationMaterialInput = Type.Union([AttachedMaterialInput, DeferredMaterialInput])
export type ApplicationMaterialInput = Static<typeof ApplicationMaterialInput>

/**
 * Body of POST /api/v1/applications. `materials` lists the form's materials (GuideContent
 * .applicationForm.materialIds) that apply to `situationAnswers`; a required one must be attached
 * or, when the guide marks it deferrable, deferred. The example names the API tests' fixture item
 * with a form (tests/api/fixtures/guides).
 */
export const ApplicationInput = Type.Object(
  {
    itemCode: Type.String({ pattern: itemCodePattern, examples: ['1115020300011500200001'] }),
    /** The guide version the form was filled in on: the current published one, else 409. */
    guideVersion: Type.Integer({ minimum: 1 }),
    /** 情形引导 answers: question id → option id. */
    situationAnswers: Type.Record(Type.String({ pattern: '^[a-z0-9_]{1,40}$' }), Type.String({ pattern: '^[a-z0-9_]{1,40}$' })),
    values: Type.Record(Type.String(), ApplicationFieldValue, {
      examples: [{ name: '王小明', idNumber: '150203199001011232', phone: '13800000000', reason: 'expired' }],
    }),
    materials: Type.Array(ApplicationMaterialInput, { maxItems: 50, examples: [[]] }),
  },
  { additionalProperties: false, $id: 'ApplicationInput' },
)
export type ApplicationInput = Static<typeof ApplicationInput>

/**
 * What the error answers of POST /api/v1/applications (409, 422) add to the one ErrorBody shape:
 * `fieldErrors` for APPLICATION_INVALID (every problem at once, as the app shows them next to the
 * fields and in the summary) and `currentVersion` for GUIDE_VERSION_CHANGED (reload the guide at
 * that version, show what changed, ask again).
 */
export const ApplicationErrorExtras = Type.Object({
  fieldErrors: Type.Optional(Type.Array(ApplicationFieldError)),
  currentVersion: Type.Optional(Type.Integer({ minimum: 1 })),
})

/** An error answer of POST /api/v1/applications. */
export type ApplicationError = ErrorBody & Static<typeof ApplicationErrorExtras>

// 办件状态, their Chinese names and the rest of the case's lifecycle (actions, roles, deadlines)
// are in contract/case-lifecycle.ts; the status and its names are re-exported here for the
// modules that read cases.
export { CASE_STATUS_NAMES, CaseStatus, CorrectionResponseInput } from './case-lifecycle.ts'

/** 办件编号: KDL-YYYYMMDD-NNNN, the date of submission in Asia/Shanghai and the day's sequence. */
export const caseNumberPattern = '^KDL-[0-9]{8}-[0-9]{4,6}$'
export const CaseNumber = Type.String({ pattern: caseNumberPattern, description: '办件编号，如 KDL-20261125-0001' })

/** Path of the case views; the example names a case the generated API suites create first. */
export const CaseParams = Type.Object({ caseNumber: Type.String({ pattern: caseNumberPattern, examples: ['KDL-20261125-0001'] }) })
export type CaseParams = Static<typeof CaseParams>

/**
 * The promised completion (承诺办结) as the receipt shows it. The limit is counted from
 * acceptance (受理之日起); until staff accept, `expectedDate` assumes acceptance on the day of
 * submission when that is a working day, else on the next working day, and adds `timeLimit.days`
 * working days (statutory holidays and 调休 counted, contract/working-days) or calendar days.
 */
export const PromisedCompletion = Type.Object({
  /** The guide's 承诺办结时限 as published. */
  timeLimit: TimeLimit,
  /** Always 'acceptance': the limit runs from the day the case is accepted. */
  countedFrom: Type.Literal('acceptance'),
  /** The acceptance day the estimate assumes (or the real one once accepted). */
  acceptanceDate: LocalDate,
  /** The date the case is due by; null when the limit has no figure (e.g. 即时办结 is the same day). */
  expectedDate: Type.Union([LocalDate, Type.Null()]),
  /** true when the date reaches a year whose holiday notice the server does not have yet (weekdays counted). */
  estimated: Type.Boolean(),
})
export type PromisedCompletion = Static<typeof PromisedCompletion>

/** One step of the case's timeline: what happened, when, and who acted. */
export const CaseTimelineEntry = Type.Object({
  at: Timestamp,
  /** The status the case reached with this step. */
  status: CaseStatus,
  /** The action taken; null for the submission that created the case. */
  action: Type.Union([CaseAction, Type.Null()]),
  /** Who acted: 申请人 for the applicant, or a staff member's display name with their department, 姓名（部门）. */
  actor: Type.String(),
  /** In which role (CASE_ACTOR_ROLE_NAMES gives the Chinese). */
  actorRole: CaseActorRole,
  /** What the applicant is told, e.g. 申请已提交，等待窗口受理. */
  note: Type.String(),
})
export type CaseTimelineEntry = Static<typeof CaseTimelineEntry>

/** The answer to a submission (201), also on a replay: the receipt the app shows. */
export const CaseReceipt = Type.Object(
  {
    caseNumber: CaseNumber,
    status: CaseStatus,
    submittedAt: Timestamp,
    itemCode: Type.String(),
    itemName: Type.String(),
    guideVersion: Type.Integer({ minimum: 1 }),
    /** 实施主体 as the guide names it, else the department's name. */
    handlingBody: Type.String(),
    /** null for an item whose guide gives no promised limit. */
    promisedCompletion: Type.Union([PromisedCompletion, Type.Null()]),
    /** What happens next, for the receipt, e.g. 窗口将在1个工作日内受理…. */
    nextSteps: Type.String(),
  },
  { $id: 'CaseReceipt' },
)
export type CaseReceipt = Static<typeof CaseReceipt>

/** A case in "my cases": no personal data beyond what the item name says. */
export const CaseSummary = Type.Object(
  {
    caseNumber: CaseNumber,
    itemCode: Type.String(),
    itemName: Type.String(),
    status: CaseStatus,
    submittedAt: Timestamp,
    /** The receipt's estimate of the promised completion (before acceptance); see `deadlines` for the running count. */
    expectedCompletionDate: Type.Union([LocalDate, Type.Null()]),
    /** How many materials were deferred (容缺) and are still to be supplied. */
    deferredMaterials: Type.Integer({ minimum: 0 }),
    /** The day of acceptance (受理), null before it. */
    acceptedOn: Type.Union([LocalDate, Type.Null()]),
    /** 法定 and 承诺办结时限 as of today: due dates, working days left, overdue, paused (contract/case-lifecycle.ts). */
    deadlines: CaseDeadlines,
  },
  { $id: 'CaseSummary' },
)
export type CaseSummary = Static<typeof CaseSummary>

export const CaseList = Type.Object({ cases: Type.Array(CaseSummary) }, { $id: 'CaseList' })
export type CaseList = Static<typeof CaseList>

/** A file attached to a case (an upload), without a public URL: materials are personal data. */
export const CaseFile = Type.Object({
  uploadId: UploadId,
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  fileName: Type.String(),
  mediaType: Type.String(),
  bytes: Type.Integer({ minimum: 1 }),
})
export type CaseFile = Static<typeof CaseFile>

/** A material of a case: attached files, or deferred with the commitment. */
export const CaseMaterial = Type.Object({
  materialId: Type.String(),
  /** The material's name in the guide version the case was made against. */
  name: Type.String(),
  deferred: Type.Boolean(),
  commitment: Type.Union([Type.String(), Type.Null()]),
  files: Type.Array(CaseFile),
})
export type CaseMaterial = Static<typeof CaseMaterial>

/**
 * The whole case, for its applicant (GET /api/v1/me/cases/{caseNumber}) and the handling
 * department's staff: the receipt, the form as submitted (values normalised by
 * keptApplicationValues, hidden fields dropped; corrected values replace them), the materials
 * (corrected ones with their new files), the timeline, the deadlines, the open correction
 * request, the refusal or the result, and the actions the caller may take now. `nextSteps`
 * follows the status (the receipt's text until staff accept; then what the applicant is to do or
 * expect: the correction to answer, the due date, the result, the right to 行政复议 after a refusal).
 */
export const CaseDetail = Type.Object(
  {
    ...CaseReceipt.properties,
    departmentId: Type.String(),
    /** sha256 of the guide version's content the case was made against. */
    guideContentHash: Type.String(),
    situationAnswers: Type.Record(Type.String(), Type.String()),
    values: ApplicationValues,
    materials: Type.Array(CaseMaterial),
    /** Every step, oldest first. */
    timeline: Type.Array(CaseTimelineEntry),
    /** The day of acceptance (受理), null before it. */
    acceptedOn: Type.Union([LocalDate, Type.Null()]),
    /** 法定 and 承诺办结时限 as of today (contract/case-lifecycle.ts CaseDeadline). */
    deadlines: CaseDeadlines,
    /** The correction request pending (status correction_requested), else null: 一次性告知, every item at once. */
    correction: Type.Union([CaseCorrectionRequest, Type.Null()]),
    /** The refusal (not_accepted / rejected) with its reasons and legal basis, else null. */
    refusal: Type.Union([CaseRefusal, Type.Null()]),
    /** The result issued and how to get it (result_issued, completed), else null. */
    result: Type.Union([CaseResult, Type.Null()]),
    /**
     * What the caller may do now (availableCaseActions for their role): for the applicant
     * `resubmit` while a correction is pending, else nothing; for staff the buttons to offer.
     */
    availableActions: Type.Array(CaseAction),
  },
  { $id: 'CaseDetail' },
)
export type CaseDetail = Static<typeof CaseDetail>

/** A case in the staff queue: the summary and its handling department. */
export const StaffCaseSummary = Type.Object(
  { ...CaseSummary.properties, departmentId: Type.String() },
  { $id: 'StaffCaseSummary' },
)
export type StaffCaseSummary = Static<typeof StaffCaseSummary>

/**
 * Query of GET /api/v1/staff/cases (the queue of the caller's departments; administrators: all):
 * optional `status` (repeat it for several), paged. Sorted by the promised due date (then the
 * statutory one), earliest first; cases without a running due date (not yet accepted, paused,
 * decided) after them, oldest submission first.
 */
export const StaffCaseQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([CaseStatus, Type.Array(CaseStatus, { minItems: 1, maxItems: 11 })], { examples: ['submitted'] })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1, examples: [1] })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, examples: [20] })),
  },
  { additionalProperties: false },
)
export type StaffCaseQuery = Static<typeof StaffCaseQuery>

/** The answer of GET /api/v1/staff/cases: one page of the queue and how many cases match in all. */
export const StaffCaseList = Type.Object(
  { cases: Type.Array(StaffCaseSummary), total: Type.Integer({ minimum: 0 }), page: Type.Integer({ minimum: 1 }), pageSize: Type.Integer({ minimum: 1 }) },
  { $id: 'StaffCaseList' },
)
export type StaffCaseList = Static<typeof StaffCaseList>
