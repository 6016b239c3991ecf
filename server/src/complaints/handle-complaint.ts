import type { Kysely } from 'kysely'
import type { ComplaintRatingInput, ComplaintStatus } from '../../../contract/complaints.ts'
import type { WorkingDayCalendar } from '../../../contract/working-days/working-days.ts'
import { auditLog } from '../audit/audit-log.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http-errors.ts'
import { notifyCitizen } from '../notifications/notify-citizen.ts'
import type { SignedInStaff } from '../plugins/auth.ts'
import { complaintsRepository, type ComplaintChange, type StoredComplaint } from '../repositories/complaints-repository.ts'
import { shanghaiDate } from '../time.ts'
import { dueDate } from './complaint-deadlines.ts'
import { canRate } from './complaint-views.ts'

export type StaffComplaintAction =
  | { kind: 'assign'; handlerId: string; note: string | null }
  | { kind: 'handling'; note: string | null }
  | { kind: 'answer'; answer: string }
  | { kind: 'close'; note: string | null }

/** The statuses each staff action starts from. */
export const ACTION_FROM: Record<StaffComplaintAction['kind'], readonly ComplaintStatus[]> = {
  assign: ['received', 'assigned', 'handling', 'reopened'],
  handling: ['assigned', 'reopened'],
  answer: ['assigned', 'handling', 'reopened'],
  close: ['answered'],
}

const supervising = (staff: SignedInStaff) => staff.role === 'supervisor' || staff.role === 'admin'

function conflict(status: ComplaintStatus): ApiError {
  return new ApiError(409, 'COMPLAINT_STATUS_CONFLICT', `该投诉建议当前状态不能执行此操作（当前：${status}）`)
}

/**
 * A staff action on a complaint the caller can see (the route found it with their visibility),
 * in the caller's transaction: checks the role (assign and close: supervisors and administrators;
 * handling and answer: also the assigned handler), moves the status, audit-logs the action and,
 * for an answer, notifies the complaint's account.
 */
export async function actOnComplaint(
  trx: Kysely<Database>,
  { complaint: found, staff, action, now }: { complaint: StoredComplaint; staff: SignedInStaff; action: StaffComplaintAction; now: Date },
): Promise<void> {
  const repository = complaintsRepository(trx)
  await repository.lock(found.id)
  const complaint = (await repository.findByTrackingNumber(found.trackingNumber)) ?? found
  const isHandler = complaint.handler?.id === staff.id
  const allowed = action.kind === 'assign' || action.kind === 'close' ? supervising(staff) : supervising(staff) || isHandler
  if (!allowed) {
    throw new ApiError(403, 'FORBIDDEN', action.kind === 'assign' || action.kind === 'close' ? '只有科长或管理员可以分派或办结投诉建议' : '只有承办人、科长或管理员可以办理该投诉建议')
  }
  const actor = { kind: 'staff' as const, staffId: staff.id, staffName: staff.displayName }
  let change: ComplaintChange
  let detail: Record<string, unknown> = {}
  switch (action.kind) {
    case 'assign': {
      const handler = await trx.selectFrom('staff_accounts').select(['id', 'display_name']).where('id', '=', action.handlerId).where('disabled_at', 'is', null).executeTakeFirst()
      if (!handler) throw new ApiError(422, 'HANDLER_NOT_FOUND', '未找到该承办人账号（或账号已停用）', [{ path: '/body/handlerId', message: '未找到该承办人账号' }])
      change = {
        from: ACTION_FROM.assign,
        to: 'assigned',
        actor,
        note: action.note,
        at: now,
        set: { handlerId: handler.id, ...(complaint.status === 'received' && { acknowledgedAt: now }) },
      }
      detail = { handlerId: handler.id }
      break
    }
    case 'handling':
      change = { from: ACTION_FROM.handling, to: 'handling', actor, note: action.note, at: now }
      break
    case 'answer':
      change = {
        from: ACTION_FROM.answer,
        to: 'answered',
        actor,
        note: null,
        at: now,
        set: { answer: action.answer, answeredAt: now, satisfied: null, ratingComment: null, ratedAt: null },
      }
      break
    case 'close':
      change = { from: ACTION_FROM.close, to: 'closed', actor, note: action.note, at: now, set: { closedAt: now } }
      break
  }
  if (!(await repository.change(complaint.id, change))) throw conflict(complaint.status)
  await auditLog(trx, staff, `complaint.${action.kind}`, `complaint:${complaint.trackingNumber}`, { from: complaint.status, ...detail }, now)
  if (action.kind === 'answer' && complaint.citizenId !== null) {
    await notifyCitizen(trx, {
      citizenId: complaint.citizenId,
      kind: 'complaint_answered',
      link: `/complaints/${encodeURIComponent(complaint.trackingNumber)}`,
      title: '您的投诉建议已答复',
      body: `投诉建议 ${complaint.trackingNumber} 已有答复，请查看并评价是否满意。`,
      now,
    })
  }
}

/**
 * The complainant rates the latest answer (in the caller's transaction): satisfied closes the
 * complaint; not satisfied with `reopen` reopens it once, with a new answer due date; not
 * satisfied without it only records the rating.
 */
export async function rateComplaint(
  trx: Kysely<Database>,
  { complaint: found, rating, calendar, answerWorkingDays, now }: { complaint: StoredComplaint; rating: ComplaintRatingInput; calendar: WorkingDayCalendar; answerWorkingDays: number; now: Date },
): Promise<void> {
  const repository = complaintsRepository(trx)
  await repository.lock(found.id)
  const complaint = (await repository.findByTrackingNumber(found.trackingNumber)) ?? found
  if (complaint.answer === null || (complaint.status !== 'answered' && complaint.status !== 'closed')) {
    throw new ApiError(409, 'COMPLAINT_NOT_ANSWERED', '该投诉建议尚未答复，答复后才能评价')
  }
  if (!canRate(complaint)) throw new ApiError(409, 'ALREADY_RATED', '您已评价过这次答复')
  const reopen = rating.reopen === true
  if (reopen && rating.satisfied) {
    throw new ApiError(422, 'REOPEN_NOT_ALLOWED', '满意时无需重新办理', [{ path: '/body/reopen', message: '满意时无需重新办理' }])
  }
  if (reopen && complaint.reopenedAt !== null) {
    throw new ApiError(422, 'REOPEN_NOT_ALLOWED', '每件投诉建议只能申请重新办理一次；如仍不满意，可拨打 12345 热线反映', [{ path: '/body/reopen', message: '只能申请重新办理一次' }])
  }
  const comment = rating.comment?.trim() ? rating.comment : null
  const rated = { satisfied: rating.satisfied, ratingComment: comment, ratedAt: now }
  const citizen = { kind: 'citizen' as const }
  let changed = true
  if (rating.satisfied && complaint.status === 'answered') {
    changed = await repository.change(complaint.id, { from: ['answered'], to: 'closed', actor: citizen, note: comment, at: now, set: { ...rated, closedAt: now } })
  } else if (reopen) {
    const answerBy = dueDate(calendar, shanghaiDate(now), answerWorkingDays)
    changed = await repository.change(complaint.id, { from: ['answered', 'closed'], to: 'reopened', actor: citizen, note: comment, at: now, set: { ...rated, reopenedAt: now, answerBy } })
  } else {
    await repository.rate(complaint.id, { satisfied: rating.satisfied, comment, at: now })
  }
  if (!changed) throw conflict(complaint.status)
}
