import { Type, type Static } from 'typebox'
import { ApplicationFieldKey, ApplicationFieldValue } from './application-form.ts'
import { Timestamp } from './common.ts'
import { LocalDate, TimeLimit } from './guides.ts'
import { addCalendarDays, calendarDaysBetween, isoWeekday } from './local-date.ts'
import type { StaffRole } from './staff.ts'
import type { WorkingDayCalendar } from './working-days/working-days.ts'

// The life of a case (办件, PRODUCT.md §5; 政务服务条例 第十五条): its statuses, the actions that move it
// from one to the next, who may take each, what each action must say, and the deadlines that
// run from acceptance. The state machine is data (CASE_TRANSITIONS) with pure functions over it,
// used by the server (the one place a status changes) and by the app (which buttons to show).
//
//   submitted ──accept──▶ accepted ──start_review──▶ under_review ──approve──▶ approved
//       │                    │                           │  └──reject──▶ rejected (理由 + 法律依据)
//       ├──not_accept──▶ not_accepted (理由 + 法律依据)      │
//       └──────────┬─────────┴─────request_correction────┘
//                  ▼
//        correction_requested ──resubmit (申请人)──▶ resubmitted
//   resubmitted: accept / not_accept when the case was never accepted (补正 before 受理),
//                start_review when it was; request_correction again if the answer falls short.
//   approved ──issue_result──▶ result_issued ──complete──▶ completed
//
// 窗口无否决权 (第十五条): not_accept and reject need a supervisor (审批科长) or an administrator;
// a window clerk gets 403. resubmit is the applicant's own action (POST
// /api/v1/me/cases/{caseNumber}/correction-response); staff take the others with POST
// /api/v1/staff/cases/{caseNumber}/transitions, body `{ action, ...input }` (StaffCaseTransition).
// An action not allowed from the case's current status answers 409 CASE_TRANSITION_NOT_ALLOWED
// (message names the current status in Chinese) and changes nothing.
//
// Deadlines (CaseDeadline): the guide version's 法定办结时限 (statutory) and 承诺办结时限 (promised),
// counted from the day of acceptance (not itself counted, as Chinese law counts periods), in
// working days (statutory holidays and 调休 from the server's calendar) or calendar days as the
// guide says. A correction requested after acceptance pauses them: while it is pending `paused`
// is true, `dueDate` is null (the date depends on when the applicant answers) and
// `workingDaysLeft` stays at what was left on the day of the request; the answer moves the due
// date on by the days it was pending (the working days after the request up to and including the
// answer's day; calendar days for calendar-day limits). The clock stops at the decision (approve,
// reject): `stoppedOn`, and `overdue` says whether the decision came after the due date.

/** 办件状态. */
export const CaseStatus = Type.Union([
  Type.Literal('submitted'), // 已提交（待受理）
  Type.Literal('accepted'), // 已受理
  Type.Literal('not_accepted'), // 不予受理
  Type.Literal('under_review'), // 审查中
  Type.Literal('correction_requested'), // 待补正
  Type.Literal('resubmitted'), // 已补正（待审查）
  Type.Literal('approved'), // 准予许可（审批通过）
  Type.Literal('rejected'), // 不予许可
  Type.Literal('result_issued'), // 结果已出具
  Type.Literal('completed'), // 已办结
  Type.Literal('withdrawn'), // 已撤回
])
export type CaseStatus = Static<typeof CaseStatus>

/** Every status, in the order of a case's life. */
export const CASE_STATUSES: readonly CaseStatus[] = [
  'submitted',
  'accepted',
  'not_accepted',
  'under_review',
  'correction_requested',
  'resubmitted',
  'approved',
  'rejected',
  'result_issued',
  'completed',
  'withdrawn',
]

/** Chinese names of the statuses, as the app and the staff console show them. */
export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  submitted: '已提交（待受理）',
  accepted: '已受理',
  not_accepted: '不予受理',
  under_review: '审查中',
  correction_requested: '待补正',
  resubmitted: '已补正（待审查）',
  approved: '审批通过',
  rejected: '不予许可',
  result_issued: '结果已出具',
  completed: '已办结',
  withdrawn: '已撤回',
}

/** Statuses no action leaves: the case is over. */
export const FINAL_CASE_STATUSES: readonly CaseStatus[] = ['not_accepted', 'rejected', 'completed', 'withdrawn']

/** What moves a case on. */
export const CaseAction = Type.Union([
  Type.Literal('accept'),
  Type.Literal('not_accept'),
  Type.Literal('start_review'),
  Type.Literal('request_correction'),
  Type.Literal('resubmit'),
  Type.Literal('approve'),
  Type.Literal('reject'),
  Type.Literal('issue_result'),
  Type.Literal('complete'),
])
export type CaseAction = Static<typeof CaseAction>

/** Chinese names of the actions, as buttons and the timeline say them. */
export const CASE_ACTION_NAMES: Record<CaseAction, string> = {
  accept: '受理',
  not_accept: '不予受理',
  start_review: '开始审查',
  request_correction: '一次性告知补正',
  resubmit: '提交补正材料',
  approve: '审批通过',
  reject: '不予许可',
  issue_result: '出具办理结果',
  complete: '办结',
}

/** Who acts on a case: the applicant, or staff in their role. */
export const CaseActorRole = Type.Union([Type.Literal('applicant'), Type.Literal('clerk'), Type.Literal('supervisor'), Type.Literal('admin'), Type.Literal('system')])
export type CaseActorRole = Static<typeof CaseActorRole>

/** Chinese names of the actor roles, for the timeline. */
export const CASE_ACTOR_ROLE_NAMES: Record<CaseActorRole, string> = {
  applicant: '申请人',
  clerk: '窗口人员',
  supervisor: '审批科长',
  admin: '系统管理员',
  system: '系统',
}

/** Whether an action needs the case to have been accepted before (after), not (before), or either. */
export type AcceptanceCondition = 'before_acceptance' | 'after_acceptance' | 'any'

/** One edge of the state machine: an action, the statuses it may be taken from, where it leads, who may take it. */
export interface CaseTransitionRule {
  action: CaseAction
  from: readonly CaseStatus[]
  to: CaseStatus
  roles: readonly Exclude<CaseActorRole, 'system'>[]
  /** From `resubmitted` the way on depends on whether the case was accepted before the correction. */
  acceptance: AcceptanceCondition
}

const anyStaff = ['clerk', 'supervisor', 'admin'] as const
/** 窗口无否决权: only a supervisor or an administrator may refuse a case. */
const refusingStaff = ['supervisor', 'admin'] as const

/** The state machine: every allowed transition. */
export const CASE_TRANSITIONS: readonly CaseTransitionRule[] = [
  { action: 'accept', from: ['submitted', 'resubmitted'], to: 'accepted', roles: anyStaff, acceptance: 'before_acceptance' },
  { action: 'not_accept', from: ['submitted', 'resubmitted'], to: 'not_accepted', roles: refusingStaff, acceptance: 'before_acceptance' },
  { action: 'start_review', from: ['accepted', 'resubmitted'], to: 'under_review', roles: anyStaff, acceptance: 'after_acceptance' },
  {
    action: 'request_correction',
    from: ['submitted', 'accepted', 'under_review', 'resubmitted'],
    to: 'correction_requested',
    roles: anyStaff,
    acceptance: 'any',
  },
  { action: 'resubmit', from: ['correction_requested'], to: 'resubmitted', roles: ['applicant'], acceptance: 'any' },
  { action: 'approve', from: ['under_review'], to: 'approved', roles: anyStaff, acceptance: 'after_acceptance' },
  { action: 'reject', from: ['under_review'], to: 'rejected', roles: refusingStaff, acceptance: 'after_acceptance' },
  { action: 'issue_result', from: ['approved'], to: 'result_issued', roles: anyStaff, acceptance: 'after_acceptance' },
  { action: 'complete', from: ['result_issued'], to: 'completed', roles: anyStaff, acceptance: 'after_acceptance' },
]

/** Where a case stands, as far as the state machine is concerned. */
export interface CaseProgress {
  status: CaseStatus
  /** Whether the case has been accepted (受理) at some point. */
  accepted: boolean
}

function acceptanceHolds(condition: AcceptanceCondition, accepted: boolean): boolean {
  return condition === 'any' || (condition === 'after_acceptance') === accepted
}

/** The rule for `action`. */
export function transitionRule(action: CaseAction): CaseTransitionRule {
  const rule = CASE_TRANSITIONS.find((candidate) => candidate.action === action)
  if (!rule) throw new RangeError(`未知的办件操作：${action}`)
  return rule
}

/** The actions the state machine allows from where the case stands, whoever takes them. */
export function allowedCaseActions(progress: CaseProgress): CaseAction[] {
  return CASE_TRANSITIONS.filter((rule) => rule.from.includes(progress.status) && acceptanceHolds(rule.acceptance, progress.accepted)).map((rule) => rule.action)
}

/** The actions `role` may take now: what the console offers a staff member, or the app the applicant. */
export function availableCaseActions(progress: CaseProgress, role: Exclude<CaseActorRole, 'system'>): CaseAction[] {
  return allowedCaseActions(progress).filter((action) => transitionRule(action).roles.includes(role))
}

/** Whether `role` may ever take `action` (e.g. a clerk may never reject). */
export function roleMayTake(role: Exclude<CaseActorRole, 'system'> | StaffRole, action: CaseAction): boolean {
  return transitionRule(action).roles.includes(role)
}

/** The outcome of checking an action: where it leads, or why not (409 illegal, 403 forbidden), in Chinese. */
export type TransitionCheck = { ok: true; to: CaseStatus } | { ok: false; reason: 'illegal' | 'forbidden'; message: string }

/**
 * Whether `role` may take `action` on a case where it stands. An action the role may never take
 * (a clerk's reject, staff answering a correction) is `forbidden` (403) wherever the case stands;
 * one the role may take but not from the current status is `illegal` (409).
 */
export function checkCaseTransition(progress: CaseProgress, action: CaseAction, role: Exclude<CaseActorRole, 'system'>): TransitionCheck {
  const rule = transitionRule(action)
  if (!rule.roles.includes(role)) {
    const message =
      action === 'not_accept' || action === 'reject'
        ? `${CASE_ACTION_NAMES[action]}须由审批科长或系统管理员决定（窗口无否决权）`
        : action === 'resubmit'
          ? '补正材料只能由申请人本人提交'
          : `${CASE_ACTOR_ROLE_NAMES[role]}不能${CASE_ACTION_NAMES[action]}`
    return { ok: false, reason: 'forbidden', message }
  }
  if (!rule.from.includes(progress.status) || !acceptanceHolds(rule.acceptance, progress.accepted)) {
    return { ok: false, reason: 'illegal', message: `办件当前状态为“${CASE_STATUS_NAMES[progress.status]}”，不能${CASE_ACTION_NAMES[action]}` }
  }
  return { ok: true, to: rule.to }
}

// ---------------------------------------------------------------------------------------------
// What each action says (the body of POST /api/v1/staff/cases/{caseNumber}/transitions).

const Text = (maxLength: number, examples: string[]) => Type.String({ minLength: 1, maxLength, pattern: '\\S', examples })

/** A note for the timeline, shown to the applicant; a default per action when left out. */
const Note = Type.Optional(Text(500, ['材料齐全，符合法定形式，予以受理。']))

/** A legal provision a refusal rests on (法律依据). */
export const LegalBasis = Type.Object(
  {
    /** The law or regulation, e.g. 中华人民共和国行政许可法. */
    name: Text(100, ['中华人民共和国行政许可法']),
    /** The article, e.g. 第三十二条第一款第（二）项. */
    article: Text(60, ['第三十八条第二款']),
    /** The provision's wording, when quoted. */
    text: Type.Optional(Text(2000, ['行政机关依法作出不予行政许可的书面决定的，应当说明理由。'])),
  },
  { additionalProperties: false },
)
export type LegalBasis = Static<typeof LegalBasis>

/** Why a case is refused: reasons in plain words and the provisions they rest on, both at least one. */
const RefusalProperties = {
  reasons: Type.Array(Text(1000, ['申请事项不属于本部门职权范围']), { minItems: 1, maxItems: 20, examples: [['申请事项不属于本部门职权范围']] }),
  legalBasis: Type.Array(LegalBasis, { minItems: 1, maxItems: 10 }),
}

/** A guide material id or form field key, as in applications. */
const MaterialId = Type.String({ pattern: '^[a-z0-9_-]{1,60}$', examples: ['household-register'] })

/**
 * One thing the applicant has to supply or correct (补正), tied to a material of the case's guide
 * version (`materialId`) or a field of its form (`fieldKey`), with what exactly is needed.
 */
export const CorrectionItem = Type.Union([
  Type.Object({ materialId: MaterialId, need: Text(500, ['户口簿照片不清晰，请重新拍摄户主页和本人页']) }, { additionalProperties: false }),
  Type.Object({ fieldKey: ApplicationFieldKey, need: Text(500, ['联系电话与身份证登记不一致，请核对']) }, { additionalProperties: false }),
])
export type CorrectionItem = Static<typeof CorrectionItem>

/** How the applicant gets the result: collect it (自取), by post (邮寄), or as an electronic licence (电子证照). */
export const ResultDelivery = Type.Union([
  Type.Object(
    {
      method: Type.Literal('pickup'),
      /** Where to collect it, e.g. 昆都仑区政务服务中心一楼 12 号窗口. */
      place: Text(200, ['昆都仑区政务服务中心一楼12号窗口']),
      /** When, e.g. 工作日 9:00–12:00、13:30–17:00. */
      hours: Text(200, ['工作日9:00-12:00，13:30-17:00']),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      method: Type.Literal('post'),
      carrier: Text(50, ['中国邮政EMS']),
      trackingNumber: Type.String({ pattern: '^[A-Za-z0-9-]{6,40}$', examples: ['1234567890123'] }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      method: Type.Literal('electronic'),
      /** The licence's name, e.g. 食品经营许可证. */
      licenceName: Text(100, ['食品经营许可证']),
      licenceNumber: Text(100, ['JY11502030012345']),
    },
    { additionalProperties: false },
  ),
])
export type ResultDelivery = Static<typeof ResultDelivery>

/** Chinese names of the delivery methods. */
export const RESULT_DELIVERY_NAMES: Record<ResultDelivery['method'], string> = { pickup: '窗口自取', post: '邮寄送达', electronic: '电子证照' }

const simple = <A extends string>(action: A) =>
  Type.Object({ action: Type.Literal(action), note: Note }, { additionalProperties: false })

/** 受理. */
export const AcceptInput = simple('accept')
/** 不予受理, with reasons and legal basis (supervisor or admin). */
export const NotAcceptInput = Type.Object({ action: Type.Literal('not_accept'), ...RefusalProperties, note: Note }, { additionalProperties: false })
/** 开始审查. */
export const StartReviewInput = simple('start_review')
/** 一次性告知补正: everything missing at once, at least one item. */
export const RequestCorrectionInput = Type.Object(
  { action: Type.Literal('request_correction'), items: Type.Array(CorrectionItem, { minItems: 1, maxItems: 50 }), note: Note },
  { additionalProperties: false },
)
/** 审批通过. */
export const ApproveInput = simple('approve')
/** 不予许可, with reasons and legal basis (supervisor or admin). */
export const RejectInput = Type.Object({ action: Type.Literal('reject'), ...RefusalProperties, note: Note }, { additionalProperties: false })
/** 出具办理结果, with how the applicant gets it. */
export const IssueResultInput = Type.Object({ action: Type.Literal('issue_result'), delivery: ResultDelivery, note: Note }, { additionalProperties: false })
/** 办结. */
export const CompleteInput = simple('complete')

/** Body of POST /api/v1/staff/cases/{caseNumber}/transitions: one of the staff actions with what it says. */
export const StaffCaseTransition = Type.Union(
  [AcceptInput, NotAcceptInput, StartReviewInput, RequestCorrectionInput, ApproveInput, RejectInput, IssueResultInput, CompleteInput],
  { $id: 'StaffCaseTransition', examples: [{ action: 'accept', note: '材料齐全，予以受理' }] },
)
export type StaffCaseTransition = Static<typeof StaffCaseTransition>

/**
 * Body of POST /api/v1/me/cases/{caseNumber}/correction-response (the applicant, X-CSRF-Token,
 * Idempotency-Key required; the app sends it through the outbox). Every item of the open
 * correction request must be answered: each requested material with new uploads (the caller's
 * own, unexpired, not attached to a case; they replace the material's files), each requested
 * field with a new value (the form is validated again with validateApplication against the
 * case's guide version). Moves correction_requested → resubmitted. Errors: 404 not the caller's
 * case; 409 CASE_TRANSITION_NOT_ALLOWED no correction pending; 422 CORRECTION_INCOMPLETE (an item
 * not answered, or something answered that was not asked: ApplicationError.fieldErrors, fieldKey
 * `materials.<id>` or the field key) or APPLICATION_INVALID (fieldErrors as in applications).
 */
export const CorrectionResponseInput = Type.Object(
  {
    materials: Type.Array(
      Type.Object(
        { materialId: MaterialId, uploadIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 20, uniqueItems: true }) },
        { additionalProperties: false },
      ),
      { maxItems: 50, examples: [[]] },
    ),
    values: Type.Record(ApplicationFieldKey, ApplicationFieldValue, { examples: [{ phone: '13800000001' }] }),
    /** A word to the staff, shown in the timeline. */
    note: Note,
  },
  { additionalProperties: false, $id: 'CorrectionResponseInput' },
)
export type CorrectionResponseInput = Static<typeof CorrectionResponseInput>

// ---------------------------------------------------------------------------------------------
// What a case shows of its lifecycle (parts of CaseSummary and CaseDetail, contract/applications.ts).

/**
 * One deadline of a case, as of today (Asia/Shanghai) when the answer was made.
 *   - before acceptance: `startDate` null, `dueDate` null, `workingDaysLeft` null: not running yet;
 *   - running: `dueDate` and `workingDaysLeft` (working days after today up to and including the
 *     due date, whatever the limit's unit; 0 on the due day, negative once past it, then `overdue`);
 *   - paused by a correction after acceptance: `paused`, `dueDate` null, `workingDaysLeft` frozen;
 *   - stopped by the decision: `stoppedOn`, `workingDaysLeft` null, `overdue` if it came late.
 * A limit without a figure (e.g. 即办) has `dueDate` null throughout.
 */
export const CaseDeadline = Type.Object({
  /** The guide's limit as published: text, days, unit (working_day | calendar_day | null). */
  timeLimit: TimeLimit,
  /** The day of acceptance the limit runs from (not itself counted); null before acceptance. */
  startDate: Type.Union([LocalDate, Type.Null()]),
  dueDate: Type.Union([LocalDate, Type.Null()]),
  workingDaysLeft: Type.Union([Type.Integer(), Type.Null()]),
  overdue: Type.Boolean(),
  /** A correction requested after acceptance is pending: the clock does not run. */
  paused: Type.Boolean(),
  /** Days added for corrections answered so far (working days, or calendar days for calendar-day limits). */
  pausedDays: Type.Integer({ minimum: 0 }),
  /** The day of the decision (approve / reject) that stopped the clock. */
  stoppedOn: Type.Union([LocalDate, Type.Null()]),
  /** true when a year on the way has no holiday notice on the server (Monday–Friday counted). */
  estimated: Type.Boolean(),
})
export type CaseDeadline = Static<typeof CaseDeadline>

/** Both deadlines of a case; null where the guide gives no such limit. */
export const CaseDeadlines = Type.Object({
  /** 法定办结时限. */
  statutory: Type.Union([CaseDeadline, Type.Null()]),
  /** 承诺办结时限. */
  promised: Type.Union([CaseDeadline, Type.Null()]),
})
export type CaseDeadlines = Static<typeof CaseDeadlines>

/** A correction request (补正告知) with when it was made and, once answered, when. */
export const CaseCorrectionRequest = Type.Object({
  items: Type.Array(
    Type.Union([
      Type.Object({ materialId: Type.String(), need: Type.String(), /** The material's name in the guide version. */ name: Type.String() }),
      Type.Object({ fieldKey: Type.String(), need: Type.String(), /** The field's label in the form. */ name: Type.String() }),
    ]),
  ),
  note: Type.Union([Type.String(), Type.Null()]),
  requestedAt: Timestamp,
  /** Who asked: staff display name 姓名（部门）. */
  requestedBy: Type.String(),
  /** Whether the case had been accepted when the correction was requested (then the deadlines pause). */
  afterAcceptance: Type.Boolean(),
  answeredAt: Type.Union([Timestamp, Type.Null()]),
})
export type CaseCorrectionRequest = Static<typeof CaseCorrectionRequest>

/** A refusal (不予受理 or 不予许可): what the applicant is told, and on what legal basis. */
export const CaseRefusal = Type.Object({
  kind: Type.Union([Type.Literal('not_accepted'), Type.Literal('rejected')]),
  reasons: Type.Array(Type.String()),
  legalBasis: Type.Array(Type.Object({ name: Type.String(), article: Type.String(), text: Type.Optional(Type.String()) })),
  decidedAt: Timestamp,
  decidedBy: Type.String(),
})
export type CaseRefusal = Static<typeof CaseRefusal>

/** The result issued (办理结果) and how the applicant gets it. */
export const CaseResult = Type.Object({
  delivery: ResultDelivery,
  issuedAt: Timestamp,
})
export type CaseResult = Static<typeof CaseResult>

// ---------------------------------------------------------------------------------------------
// Deadlines as of a day: the server answers them, and the app may recompute `workingDaysLeft`
// for another day (offline, the next morning) from the same clock with the bundled calendar.

/** A correction after acceptance: the deadlines stand still after `from` up to and including `to` (null while pending). */
export interface CasePause {
  from: string
  to: string | null
}

/** What a case's deadlines are computed from. */
export interface CaseDeadlineClock {
  /** The day of acceptance, null before it. */
  acceptedOn: string | null
  pauses: readonly CasePause[]
  /** The day of the decision (approve / reject), which stops the clock. */
  decidedOn: string | null
}

/** Whether `date` is a working day; a year the calendar lacks counts Monday–Friday and says so. */
function workingDayOrEstimate(calendar: WorkingDayCalendar, date: string): { working: boolean; estimated: boolean } {
  if (calendar.hasYear(Number(date.slice(0, 4)))) return { working: calendar.isWorkingDay(date), estimated: false }
  return { working: isoWeekday(date) <= 5, estimated: true }
}

/** workingDaysBetween that counts a missing year as Monday–Friday and reports it instead of throwing. */
export function estimateWorkingDaysBetween(calendar: WorkingDayCalendar, from: string, to: string): { days: number; estimated: boolean } {
  const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1]
  let days = 0
  let estimated = false
  for (let date = addCalendarDays(low, 1); date <= high; date = addCalendarDays(date, 1)) {
    const day = workingDayOrEstimate(calendar, date)
    if (day.working) days += 1
    estimated ||= day.estimated
  }
  return { days: sign * days, estimated }
}

/**
 * One deadline of a case as of `today` (contract CaseDeadline; see its comment for the states).
 * Working-day limits are counted with `calendar` (statutory holidays, 调休); calendar-day limits
 * in plain days. Each answered correction moves the due date on by the days it was pending, in
 * the limit's unit; a pending one pauses the count. Never throws for a year the calendar lacks:
 * it counts Monday–Friday there and sets `estimated`. null for no limit.
 */
export function caseDeadline(limit: TimeLimit | null, clock: CaseDeadlineClock, today: string, calendar: WorkingDayCalendar): CaseDeadline | null {
  if (limit === null) return null
  const working = limit.unit !== 'calendar_day'
  let estimated = false
  let pausedDays = 0
  for (const pause of clock.pauses) {
    if (pause.to === null) continue
    if (working) {
      const between = estimateWorkingDaysBetween(calendar, pause.from, pause.to)
      pausedDays += Math.max(0, between.days)
      estimated ||= between.estimated
    } else pausedDays += Math.max(0, calendarDaysBetween(pause.from, pause.to))
  }
  const open = clock.pauses.find((pause) => pause.to === null)
  const base = { timeLimit: limit, startDate: clock.acceptedOn, pausedDays, stoppedOn: clock.decidedOn }
  if (clock.acceptedOn === null) {
    return { ...base, dueDate: null, workingDaysLeft: null, overdue: false, paused: false, pausedDays: 0, stoppedOn: null, estimated: false }
  }
  const paused = open !== undefined && clock.decidedOn === null
  if (limit.days === null || limit.unit === null) {
    return { ...base, dueDate: null, workingDaysLeft: null, overdue: false, paused, estimated }
  }
  let due: string
  if (working) {
    const added = calendar.estimateAddWorkingDays(clock.acceptedOn, limit.days + pausedDays)
    due = added.date
    estimated ||= added.estimated
  } else due = addCalendarDays(clock.acceptedOn, limit.days + pausedDays)

  if (clock.decidedOn !== null) {
    return { ...base, dueDate: due, workingDaysLeft: null, overdue: clock.decidedOn > due, paused: false, estimated }
  }
  const asOf = paused ? (open?.from ?? today) : today
  const left = estimateWorkingDaysBetween(calendar, asOf, due)
  estimated ||= left.estimated
  const overdue = asOf > due
  return { ...base, dueDate: paused ? null : due, workingDaysLeft: left.days, overdue, paused, estimated }
}

/** Both deadlines of a case as of `today`. */
export function caseDeadlines(
  limits: { statutory: TimeLimit | null; promised: TimeLimit | null },
  clock: CaseDeadlineClock,
  today: string,
  calendar: WorkingDayCalendar,
): CaseDeadlines {
  return { statutory: caseDeadline(limits.statutory, clock, today, calendar), promised: caseDeadline(limits.promised, clock, today, calendar) }
}
