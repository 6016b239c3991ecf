import type { Kysely } from 'kysely'
import { isLocalDate } from '../../../contract/local-date.ts'
import {
  FOLLOW_UP_STATUS_NAMES,
  opensFollowUp,
  type CaseRatingInput,
  type FollowUpTask,
  type HallRatingInput,
  type Rating,
} from '../../../contract/ratings.ts'
import { auditLog } from '../audit/audit-log.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http-errors.ts'
import { notifyCitizen } from '../notifications/notify-citizen.ts'
import type { SignedInStaff } from '../plugins/auth.ts'
import { followUpsRepository, type FollowUpScope } from '../repositories/follow-ups-repository.ts'
import { hallsRepository } from '../repositories/halls-repository.ts'
import { ratingsRepository } from '../repositories/ratings-repository.ts'
import { shanghaiDate } from '../time.ts'

const alreadyRated = (message: string) => new ApiError(409, 'ALREADY_RATED', message)

/** An empty or blank comment is no comment; any other is kept exactly as sent. */
function commentOf(comment: string | undefined): string | null {
  return comment === undefined || comment.trim() === '' ? null : comment
}

async function storedRating(trx: Kysely<Database>, citizenId: string, ratingId: string): Promise<Rating> {
  const rating = await ratingsRepository(trx).findForCitizen(citizenId, ratingId)
  if (!rating) throw new Error(`Rating ${ratingId} vanished within its transaction`)
  return rating
}

/**
 * Rates the citizen's own completed case, once; a rating of 不满意 or worse opens a follow-up for
 * the supervisors of the case's department. Runs in the caller's transaction (its idempotency key).
 */
export async function rateCase(
  trx: Kysely<Database>,
  { citizenId, caseNumber, input, now }: { citizenId: string; caseNumber: string; input: CaseRatingInput; now: Date },
): Promise<Rating> {
  const ratings = ratingsRepository(trx)
  const rated = await ratings.findOwnCaseForUpdate(citizenId, caseNumber)
  if (!rated) throw notFound('未找到该办件，请核对办件编号')
  if (rated.status !== 'completed') throw new ApiError(422, 'CASE_NOT_COMPLETED', '办件办结后才能评价')
  if (await ratings.caseIsRated(rated.id)) throw alreadyRated('您已评价过该办件，每个办件只能评价一次')
  const ratingId = await ratings.create({ citizenId, level: input.level, comment: commentOf(input.comment), ratedAt: now, target: { caseId: rated.id } })
  if (opensFollowUp(input.level)) await followUpsRepository(trx).open(ratingId, { departmentId: rated.departmentId }, now)
  return storedRating(trx, citizenId, ratingId)
}

/**
 * Rates a visit to a hall: a hall that exists, a day not after today (Asia/Shanghai), once per
 * citizen, hall and day; a low rating opens a follow-up for the hall's supervisors.
 */
export async function rateHallVisit(
  trx: Kysely<Database>,
  { citizenId, input, now }: { citizenId: string; input: HallRatingInput; now: Date },
): Promise<Rating> {
  if (!isLocalDate(input.visitDate)) {
    throw new ApiError(400, 'VALIDATION_FAILED', '到厅日期不是有效的日期', [{ path: '/body/visitDate', message: '请填写有效的日期' }])
  }
  if (!(await hallsRepository(trx).exists(input.hallId))) throw new ApiError(422, 'HALL_NOT_FOUND', '未找到该办事大厅，请返回大厅页面后重新评价')
  if (input.visitDate > shanghaiDate(now)) throw new ApiError(422, 'VISIT_DATE_IN_FUTURE', '到厅日期不能晚于今天')
  const ratings = ratingsRepository(trx)
  // Serialises this citizen's ratings of the hall, so the check below holds until the insert.
  await trx.selectFrom('citizens').select('id').where('id', '=', citizenId).forUpdate().executeTakeFirst()
  if (await ratings.hallVisitIsRated(citizenId, input.hallId, input.visitDate)) {
    throw alreadyRated('您已评价过当天在该大厅的办事体验')
  }
  const ratingId = await ratings.create({
    citizenId,
    level: input.level,
    comment: commentOf(input.comment),
    ratedAt: now,
    target: { hallId: input.hallId, visitDate: input.visitDate },
  })
  if (opensFollowUp(input.level)) await followUpsRepository(trx).open(ratingId, { hallId: input.hallId }, now)
  return storedRating(trx, citizenId, ratingId)
}

/** Which follow-ups a staff member handles: administrators all, supervisors their departments' and halls'. */
export function followUpScope(staff: SignedInStaff): FollowUpScope {
  return staff.role === 'admin' ? { all: true } : { departmentIds: staff.departmentIds, hallIds: staff.hallIds }
}

/**
 * Records what was done about a low rating and closes the follow-up: audit-logged, and the
 * citizen is told in a notification. 404 outside the staff member's scope, 409 when closed.
 */
export async function recordFollowUpOutcome(
  trx: Kysely<Database>,
  { staff, followUpId, outcome, now }: { staff: SignedInStaff; followUpId: string; outcome: string; now: Date },
): Promise<FollowUpTask> {
  const followUps = followUpsRepository(trx)
  const found = await followUps.findForUpdate(followUpScope(staff), followUpId)
  if (!found) throw notFound('未找到该回访任务，或该任务不由您负责')
  if (found.task.status === 'closed') throw new ApiError(409, 'FOLLOW_UP_CLOSED', '该回访任务已办结，不能再次填写结果')
  const text = outcome.trim()
  await followUps.close(followUpId, { outcome: text, closedAt: now, staffId: staff.id, staffName: staff.displayName })
  await auditLog(trx, staff, 'follow-up.close', `follow-up:${followUpId}`, {
    ...(found.task.departmentId !== null && { departmentId: found.task.departmentId }),
    ...(found.task.hallId !== null && { hallId: found.task.hallId }),
    ...(found.task.target.kind === 'case' && { caseNumber: found.task.target.caseNumber }),
    level: found.task.level,
  }, now)
  const target = found.task.target
  const about = target.kind === 'case' ? `您对办件${target.caseNumber}（${target.itemName}）` : `您对${target.hallName}的办事体验`
  await notifyCitizen(trx, {
    citizenId: found.citizenId,
    kind: 'follow_up_outcome',
    caseNumber: target.kind === 'case' ? target.caseNumber : null,
    // A hall visit's outcome shows beside the rating, on the hall's rating page.
    link: target.kind === 'hall' ? `/halls/${encodeURIComponent(target.hallId)}/rating` : null,
    title: `评价${FOLLOW_UP_STATUS_NAMES.closed}`,
    body: `${about}的评价已回访整改：${text}`,
    now,
  })
  return { ...found.task, status: 'closed', outcome: text, closedAt: now.toISOString(), closedBy: staff.displayName }
}
