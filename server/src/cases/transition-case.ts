import type { Kysely } from 'kysely'
import { allFields, type ApplicationFieldError, type ApplicationValues } from '../../../contract/application-form.ts'
import type { CaseMaterial, CaseStatus } from '../../../contract/applications.ts'
import {
  CASE_ACTION_NAMES,
  caseDeadlines,
  checkCaseTransition,
  type CaseAction,
  type CaseActorRole,
  type CaseCorrectionRequest,
  type CasePause,
  type CaseRefusal,
  type CaseResult,
  type ResultDelivery,
  type StaffCaseTransition,
} from '../../../contract/case-lifecycle.ts'
import type { GuideContent } from '../../../contract/guides.ts'
import type { WorkingDayCalendar } from '../../../contract/working-days/working-days.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http-errors.ts'
import type { SignedInStaff } from '../plugins/auth.ts'
import { notifyCaseTransition } from '../notifications/case-notices.ts'
import { casesRepository, type CaseUpdate, type StoredCase } from '../repositories/cases-repository.ts'
import { departmentsRepository } from '../repositories/departments-repository.ts'
import { guideVersionsRepository } from '../repositories/guide-versions-repository.ts'
import { shanghaiDate } from '../time.ts'

/** Who takes the action: a signed-in staff member, or the applicant answering a correction. */
export type CaseActor = { kind: 'staff'; staff: SignedInStaff } | { kind: 'citizen'; citizenId: string }

/** The applicant's answer to a correction, already checked by answerCorrection: the case's new form values and materials. */
export interface ResubmitTransition {
  action: 'resubmit'
  note?: string
  values: ApplicationValues
  materials: CaseMaterial[]
  /** What was answered, for the record: material ids with their new upload ids, field keys. */
  answered: { materials: { materialId: string; uploadIds: string[] }[]; fieldKeys: string[] }
}

export type CaseTransitionInput = StaffCaseTransition | ResubmitTransition

export interface TransitionContext {
  calendar: WorkingDayCalendar
  now: Date
}

/**
 * What a transition changed, for whoever reacts to it (notifications, the audit log, the
 * answer): the case before and after, and the timeline entry written.
 */
export interface CaseTransitionOutcome {
  action: CaseAction
  from: CaseStatus
  to: CaseStatus
  /** The case as it is now, in the transaction. */
  after: StoredCase
  before: StoredCase
  event: { at: Date; actor: string; actorRole: Exclude<CaseActorRole, 'system'>; note: string }
}

/** 409 CASE_TRANSITION_NOT_ALLOWED: the action is not allowed from the case's current status. */
export class CaseTransitionNotAllowedError extends ApiError {
  constructor(message: string) {
    super(409, 'CASE_TRANSITION_NOT_ALLOWED', message)
  }
}

const quoted = (text: string) => `“${text}”`

function deliveryNote(delivery: ResultDelivery): string {
  switch (delivery.method) {
    case 'pickup':
      return `办理结果已出具，请到${delivery.place}领取（${delivery.hours}），领取时请携带本人身份证件`
    case 'post':
      return `办理结果已由${delivery.carrier}寄出，运单号${delivery.trackingNumber}`
    case 'electronic':
      return `办理结果已出具电子证照${quoted(delivery.licenceName)}（编号${delivery.licenceNumber}），可在电子证照库中查看`
  }
}

/** What the applicant is told in the timeline when staff leave no note of their own. */
function defaultNote(input: CaseTransitionInput, correctionNames: string[]): string {
  switch (input.action) {
    case 'accept':
      return '申请已受理，办理时限自受理之日起计算'
    case 'not_accept':
      return `不予受理：${input.reasons.join('；')}`
    case 'start_review':
      return '工作人员正在审查申请材料'
    case 'request_correction':
      return `请一次性补正以下${correctionNames.length}项内容：${correctionNames.join('、')}`
    case 'resubmit':
      return '申请人已提交补正内容，等待工作人员审查'
    case 'approve':
      return '审批通过，正在出具办理结果'
    case 'reject':
      return `不予许可：${input.reasons.join('；')}`
    case 'issue_result':
      return deliveryNote(input.delivery)
    case 'complete':
      return '办件已办结'
  }
}

/** 姓名（部门）: the staff member with the case's department when they belong to it, else their role. */
async function staffDisplay(trx: Kysely<Database>, staff: SignedInStaff, departmentId: string): Promise<string> {
  if (staff.departmentIds.includes(departmentId)) {
    const department = (await departmentsRepository(trx).list()).find((candidate) => candidate.id === departmentId)
    if (department) return `${staff.displayName}（${department.name}）`
  }
  return `${staff.displayName}（${staff.role === 'admin' ? '系统管理员' : '工作人员'}）`
}

/** The correction items with the names the applicant reads; 422 CORRECTION_ITEM_UNKNOWN for an item the case's guide does not have. */
function namedCorrectionItems(guide: GuideContent | undefined, items: Extract<StaffCaseTransition, { action: 'request_correction' }>['items']): CaseCorrectionRequest['items'] {
  const materials = new Map((guide?.materials ?? []).map((material) => [material.id, material.name]))
  const fields = new Map((guide?.applicationForm ? allFields(guide.applicationForm) : []).map((field) => [field.key, field.label]))
  const problems: ApplicationFieldError[] = []
  const named = items.map((item, index) => {
    if ('materialId' in item) {
      const name = materials.get(item.materialId)
      if (name === undefined) problems.push({ fieldKey: `items.${index}`, message: `办事指南中没有材料${item.materialId}` })
      return { materialId: item.materialId, need: item.need.trim(), name: name ?? item.materialId }
    }
    const name = fields.get(item.fieldKey)
    if (name === undefined) problems.push({ fieldKey: `items.${index}`, message: `申请表中没有字段${item.fieldKey}` })
    return { fieldKey: item.fieldKey, need: item.need.trim(), name: name ?? item.fieldKey }
  })
  const keys = items.map((item) => ('materialId' in item ? `m:${item.materialId}` : `f:${item.fieldKey}`))
  if (new Set(keys).size !== keys.length) problems.push({ fieldKey: 'items', message: '同一材料或字段列了两次，请合并为一项' })
  if (problems.length > 0) {
    throw new ApiError(
      422,
      'CORRECTION_ITEM_UNKNOWN',
      `补正事项有误：${problems.map((problem) => problem.message).join('；')}`,
      problems.map((problem) => ({ path: `/body/${problem.fieldKey.replaceAll('.', '/')}`, message: problem.message })),
    )
  }
  return named
}

/**
 * The one function that changes a case's status. Runs in the caller's transaction `trx`: locks the
 * case, checks the actor may see it (404 otherwise, as if there were none: staff outside its
 * department, another citizen), checks the action against the state machine and the actor's role
 * (403 CASE_ACTION_FORBIDDEN for a role that may never take it, e.g. a clerk's reject — 窗口无否决权;
 * 409 CASE_TRANSITION_NOT_ALLOWED naming the current status), then stores what the action says
 * (correction request, refusal, result; the applicant's corrected values and materials), the
 * acceptance and decision days and the correction pauses the deadlines run on, the running due
 * dates for the staff queue, and the timeline entry. Throws ApiError and writes nothing when refused.
 */
export async function transitionCase(
  trx: Kysely<Database>,
  caseNumber: string,
  input: CaseTransitionInput,
  actor: CaseActor,
  { calendar, now }: TransitionContext,
): Promise<CaseTransitionOutcome> {
  const cases = casesRepository(trx)
  const reader = actor.kind === 'citizen' ? { citizenId: actor.citizenId } : { departmentIds: actor.staff.role === 'admin' ? null : actor.staff.departmentIds }
  const caseId = await cases.lock(caseNumber)
  const before = caseId === undefined ? undefined : await cases.find(caseNumber, reader)
  if (!before) throw notFound(actor.kind === 'citizen' ? '未找到该办件，请核对办件编号' : '未找到该办件，或该办件不由您所在部门办理')

  const role = actor.kind === 'citizen' ? 'applicant' : actor.staff.role
  const accepted = before.acceptedOn !== null
  const check = checkCaseTransition({ status: before.status, accepted }, input.action, role)
  if (!check.ok) {
    if (check.reason === 'forbidden') throw new ApiError(403, 'CASE_ACTION_FORBIDDEN', check.message)
    throw new CaseTransitionNotAllowedError(check.message)
  }

  const today = shanghaiDate(now)
  const actorName = actor.kind === 'citizen' ? '申请人' : await staffDisplay(trx, actor.staff, before.departmentId)
  let pauses: CasePause[] = before.pauses
  const update: Omit<CaseUpdate, 'promisedDueDate' | 'statutoryDueDate'> = { status: check.to }
  let correctionNames: string[] = []
  let detail: unknown = null

  switch (input.action) {
    case 'accept':
      update.acceptedOn = today
      break
    case 'not_accept':
    case 'reject': {
      const refusal: CaseRefusal = {
        kind: input.action === 'reject' ? 'rejected' : 'not_accepted',
        reasons: input.reasons.map((reason) => reason.trim()),
        legalBasis: input.legalBasis,
        decidedAt: now.toISOString(),
        decidedBy: actorName,
      }
      update.refusal = refusal
      if (input.action === 'reject') update.decidedOn = today
      detail = { reasons: refusal.reasons, legalBasis: refusal.legalBasis }
      break
    }
    case 'request_correction': {
      const guide = (await guideVersionsRepository(trx).find(before.itemCode, before.guideVersion))?.content
      const items = namedCorrectionItems(guide, input.items)
      correctionNames = items.map((item) => quoted(item.name))
      update.correction = {
        items,
        note: input.note?.trim() ?? null,
        requestedAt: now.toISOString(),
        requestedBy: actorName,
        afterAcceptance: accepted,
        answeredAt: null,
      }
      // 补正 after acceptance stops the clock until the applicant answers (see contract CaseDeadline).
      if (accepted) pauses = [...pauses, { from: today, to: null }]
      detail = { items }
      break
    }
    case 'resubmit':
      update.correction = before.correction && { ...before.correction, answeredAt: now.toISOString() }
      pauses = pauses.map((pause) => (pause.to === null ? { ...pause, to: today } : pause))
      update.values = input.values
      update.materials = input.materials
      detail = input.answered
      break
    case 'approve':
      update.decidedOn = today
      break
    case 'issue_result': {
      const result: CaseResult = { delivery: input.delivery, issuedAt: now.toISOString() }
      update.result = result
      detail = { delivery: input.delivery }
      break
    }
    case 'start_review':
    case 'complete':
      break
  }
  if (pauses !== before.pauses) update.pauses = pauses

  // The running due dates, for the order of the staff queue (null when not running).
  const clock = {
    acceptedOn: update.acceptedOn ?? before.acceptedOn,
    pauses,
    decidedOn: update.decidedOn ?? before.decidedOn,
  }
  const deadlines = caseDeadlines(before.limits, clock, today, calendar)
  const running = (deadline: (typeof deadlines)['promised']) => (deadline && !deadline.paused && deadline.stoppedOn === null ? deadline.dueDate : null)
  await cases.update(before.id, { ...update, promisedDueDate: running(deadlines.promised), statutoryDueDate: running(deadlines.statutory) })

  const note = input.note?.trim() || defaultNote(input, correctionNames)
  await cases.addEvent(before.id, {
    at: now,
    status: check.to,
    action: input.action,
    actorKind: actor.kind,
    actorRole: role,
    staffId: actor.kind === 'staff' ? actor.staff.id : null,
    actor: actorName,
    note,
    detail,
  })

  const after = (await cases.find(caseNumber, reader))!
  const outcome: CaseTransitionOutcome = { action: input.action, from: before.status, to: check.to, before, after, event: { at: now, actor: actorName, actorRole: role, note } }
  // The applicant is told (new status, correction request, result ready) in the same transaction;
  // the Web Push goes out after commit.
  await notifyCaseTransition(trx, outcome)
  return outcome
}

/** The Chinese name of an action, for audit entries and messages. */
export function actionName(action: CaseAction): string {
  return CASE_ACTION_NAMES[action]
}
