import { Type, type Static } from 'typebox'
import { CaseNumber, caseNumberPattern } from './applications.ts'
import { Timestamp } from './common.ts'
import { LocalDate } from './guides.ts'

// 好差评 (PRODUCT.md §5, 第二十条): the citizen rates a completed case or a visit to a hall on the
// national five-level scale; a rating of 不满意 or worse opens a follow-up task (回访整改) for the
// supervisors concerned, whose outcome the citizen sees.
//
// Citizen (signed in; writes need X-CSRF-Token and an Idempotency-Key, the app sends them through
// its outbox; a retry with the same key answers the first rating, `Idempotent-Replayed: true`):
//   POST /api/v1/me/cases/{caseNumber}/rating   CaseRatingInput → 201 Rating
//     404 NOT_FOUND          not one of the caller's cases (whether or not it exists);
//     409 ALREADY_RATED      the case was rated already (each case once);
//     422 CASE_NOT_COMPLETED only a case whose status is `completed` (已办结) can be rated.
//   POST /api/v1/me/hall-ratings                HallRatingInput → 201 Rating
//     422 HALL_NOT_FOUND     no hall with that id (GET /api/v1/halls lists them);
//     422 VISIT_DATE_IN_FUTURE the visit date is after today (Asia/Shanghai);
//     409 ALREADY_RATED      the caller rated this hall for this day already.
//   GET  /api/v1/me/ratings                     RatingList, newest first, each with its follow-up.
// Staff (supervisor or admin; clerks get 403):
//   GET  /api/v1/staff/follow-ups               FollowUpList: open tasks first (oldest first),
//     then closed ones (latest first). A supervisor sees the tasks of case ratings of their
//     departments and of hall ratings of their halls; an administrator sees all.
//   POST /api/v1/staff/follow-ups/{followUpId}/outcome  FollowUpOutcomeInput → 200 FollowUpTask
//     404 for a task the caller does not act for (as for one that does not exist);
//     409 FOLLOW_UP_CLOSED when an outcome was recorded already. The outcome is audit-logged
//     (follow-up.close) and the citizen is notified.
//
// Comments are plain text: the server stores and returns them exactly as sent, and every view
// shows them as text (never as markup), so `<script>` in a comment is just characters.

/** The five levels, 5 (best) to 1 (worst). */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const
export type RatingLevelValue = (typeof RATING_LEVELS)[number]

export const RatingLevel = Type.Integer({ minimum: 1, maximum: 5, description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意', examples: [4] })

/** The names of the national five-level scale (国家政务服务评价). */
export const RATING_LEVEL_NAMES: Record<RatingLevelValue, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
}

/** A rating at or below this level (不满意, 非常不满意) opens a follow-up task (回访整改). */
export const FOLLOW_UP_AT_OR_BELOW = 2

export function opensFollowUp(level: number): boolean {
  return level <= FOLLOW_UP_AT_OR_BELOW
}

/** Longest comment, in characters. */
export const RATING_COMMENT_MAX = 500

const RatingComment = Type.String({ maxLength: RATING_COMMENT_MAX, description: 'Optional, plain text, shown as text.', examples: ['窗口工作人员态度很好'] })

/** Body of POST /api/v1/me/cases/{caseNumber}/rating. */
export const CaseRatingInput = Type.Object(
  { level: RatingLevel, comment: Type.Optional(RatingComment) },
  { additionalProperties: false, $id: 'CaseRatingInput' },
)
export type CaseRatingInput = Static<typeof CaseRatingInput>

/** Path of the case rating; the example names the case the generated API suites create first. */
export const CaseRatingParams = Type.Object({ caseNumber: Type.String({ pattern: caseNumberPattern, examples: ['KDL-20261125-0001'] }) })
export type CaseRatingParams = Static<typeof CaseRatingParams>

/** Body of POST /api/v1/me/hall-ratings: a visit to a hall (one rating per hall and day). */
export const HallRatingInput = Type.Object(
  {
    hallId: Type.String({ pattern: '^[a-z0-9-]{1,64}$', examples: ['kundulun-civic-centre'] }),
    /** The day of the visit, Asia/Shanghai; today or earlier. */
    visitDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2026-01-05'] }),
    level: RatingLevel,
    comment: Type.Optional(RatingComment),
  },
  { additionalProperties: false, $id: 'HallRatingInput' },
)
export type HallRatingInput = Static<typeof HallRatingInput>

export const FollowUpStatus = Type.Union([Type.Literal('open'), Type.Literal('closed')])
export type FollowUpStatus = Static<typeof FollowUpStatus>

/** Chinese names of the follow-up statuses, as the app shows them. */
export const FOLLOW_UP_STATUS_NAMES: Record<FollowUpStatus, string> = { open: '待回访整改', closed: '已回访整改' }

/** What the citizen sees of the follow-up of their rating. */
export const FollowUpView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: FollowUpStatus,
  openedAt: Timestamp,
  /** What was done, as the supervisor recorded it; null while open. */
  outcome: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([Timestamp, Type.Null()]),
})
export type FollowUpView = Static<typeof FollowUpView>

/** What was rated: a case (by its number and item) or a visit to a hall on a day. */
export const RatingTarget = Type.Union([
  Type.Object({ kind: Type.Literal('case'), caseNumber: CaseNumber, itemName: Type.String() }),
  Type.Object({ kind: Type.Literal('hall'), hallId: Type.String(), hallName: Type.String(), visitDate: LocalDate }),
])
export type RatingTarget = Static<typeof RatingTarget>

/** A rating as its citizen sees it (answer of the writes, and items of GET /api/v1/me/ratings). */
export const Rating = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    target: RatingTarget,
    level: RatingLevel,
    levelName: Type.String(),
    comment: Type.Union([Type.String(), Type.Null()]),
    ratedAt: Timestamp,
    /** The follow-up a low rating opened, else null. */
    followUp: Type.Union([FollowUpView, Type.Null()]),
  },
  { $id: 'Rating' },
)
export type Rating = Static<typeof Rating>

export const RatingList = Type.Object({ ratings: Type.Array(Rating) }, { $id: 'RatingList' })
export type RatingList = Static<typeof RatingList>

/** A follow-up task as supervisors see it: the rating and its target, no data of the citizen. */
export const FollowUpTask = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    status: FollowUpStatus,
    openedAt: Timestamp,
    /** The department of a case rating, null for a hall rating. */
    departmentId: Type.Union([Type.String(), Type.Null()]),
    /** The hall of a hall rating, null for a case rating. */
    hallId: Type.Union([Type.String(), Type.Null()]),
    target: RatingTarget,
    level: RatingLevel,
    levelName: Type.String(),
    comment: Type.Union([Type.String(), Type.Null()]),
    ratedAt: Timestamp,
    outcome: Type.Union([Type.String(), Type.Null()]),
    closedAt: Type.Union([Timestamp, Type.Null()]),
    /** The display name of who recorded the outcome. */
    closedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'FollowUpTask' },
)
export type FollowUpTask = Static<typeof FollowUpTask>

export const FollowUpList = Type.Object({ followUps: Type.Array(FollowUpTask) }, { $id: 'FollowUpList' })
export type FollowUpList = Static<typeof FollowUpList>

export const FollowUpParams = Type.Object({
  followUpId: Type.String({ format: 'uuid', examples: ['5b0d7c1e-3f2a-4e6b-9d8c-1a2b3c4d5e6f'] }),
})
export type FollowUpParams = Static<typeof FollowUpParams>

/** Body of POST /api/v1/staff/follow-ups/{followUpId}/outcome: what was done (回访整改情况). */
export const FollowUpOutcomeInput = Type.Object(
  {
    outcome: Type.String({
      minLength: 5,
      maxLength: 1000,
      pattern: '\\S',
      description: 'What was done, as the citizen will read it.',
      examples: ['已电话回访申请人，窗口已加强业务培训。'],
    }),
  },
  { additionalProperties: false, $id: 'FollowUpOutcomeInput' },
)
export type FollowUpOutcomeInput = Static<typeof FollowUpOutcomeInput>
