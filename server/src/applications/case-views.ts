import type { CaseDetail, CaseReceipt, CaseSummary } from '../../../contract/applications.ts'
import { availableCaseActions, caseDeadlines, type CaseActorRole, type CaseDeadlines } from '../../../contract/case-lifecycle.ts'
import { formatLocalDateChinese } from '../../../contract/local-date.ts'
import type { WorkingDayCalendar } from '../../../contract/working-days/working-days.ts'
import type { StoredCase, StoredCaseSummary } from '../repositories/cases-repository.ts'

/** What a view of a case depends on besides the case: the day (deadlines) and who looks (actions). */
export interface CaseViewContext {
  calendar: WorkingDayCalendar
  /** Asia/Shanghai `YYYY-MM-DD`. */
  today: string
  viewer: Exclude<CaseActorRole, 'system'>
}

/** What happens next, for the receipt (and the case page until staff accept the case). */
export function nextSteps(stored: StoredCaseSummary): string {
  const parts = [`申请已提交至${stored.handlingBody}，工作人员将审核您填写的内容和上传的材料。`]
  const promised = stored.promisedCompletion
  if (promised) {
    const due = promised.expectedDate ? `，预计${formatLocalDateChinese(promised.expectedDate)}前办结${promised.estimated ? '（节假日安排未公布，按周一至周五估算）' : ''}` : ''
    parts.push(`承诺办结时限为${promised.timeLimit.text}，自受理之日起计算${due}。`)
  }
  parts.push('材料不全时将一次性告知需补正的全部内容。')
  if (stored.deferredMaterials > 0) parts.push(`您有${stored.deferredMaterials}项容缺材料，请按告知承诺及时补交。`)
  parts.push(`请凭办件编号${stored.caseNumber}在“我的办件”中查看进度。`)
  return parts.join('')
}

export function caseReceipt(stored: StoredCaseSummary): CaseReceipt {
  return {
    caseNumber: stored.caseNumber,
    status: stored.status,
    submittedAt: stored.submittedAt.toISOString(),
    itemCode: stored.itemCode,
    itemName: stored.itemName,
    guideVersion: stored.guideVersion,
    handlingBody: stored.handlingBody,
    promisedCompletion: stored.promisedCompletion,
    nextSteps: nextSteps(stored),
  }
}

/** The case's deadlines as of `today`. */
export function storedCaseDeadlines(stored: StoredCaseSummary, calendar: WorkingDayCalendar, today: string): CaseDeadlines {
  return caseDeadlines(stored.limits, { acceptedOn: stored.acceptedOn, pauses: stored.pauses, decidedOn: stored.decidedOn }, today, calendar)
}

export function caseSummary(stored: StoredCaseSummary, { calendar, today }: Omit<CaseViewContext, 'viewer'>): CaseSummary {
  return {
    caseNumber: stored.caseNumber,
    itemCode: stored.itemCode,
    itemName: stored.itemName,
    status: stored.status,
    submittedAt: stored.submittedAt.toISOString(),
    expectedCompletionDate: stored.promisedCompletion?.expectedDate ?? null,
    deferredMaterials: stored.deferredMaterials,
    acceptedOn: stored.acceptedOn,
    deadlines: storedCaseDeadlines(stored, calendar, today),
  }
}

const RESULT_WAYS = { pickup: '窗口自取', post: '邮寄', electronic: '电子证照' } as const

/** What happens next once staff have acted on the case, in the applicant's words. */
export function caseNextSteps(stored: StoredCaseSummary, deadlines: CaseDeadlines): string {
  const promised = deadlines.promised
  const due = promised?.dueDate ? `承诺办结时限为${promised.timeLimit.text}，预计${formatLocalDateChinese(promised.dueDate)}前办结${promised.estimated ? '（节假日安排未公布，按周一至周五估算）' : ''}。` : ''
  switch (stored.status) {
    case 'submitted':
      return nextSteps(stored)
    case 'accepted':
    case 'under_review':
      return `申请已受理，${stored.handlingBody}正在审查。${due}`
    case 'correction_requested': {
      const count = stored.correction?.items.length ?? 0
      const pause = stored.correction?.afterAcceptance ? '补正期间办理时限暂停计算，提交补正后继续计算。' : '补正齐全后予以受理。'
      return `请按补正告知一次性补齐以下${count}项内容，并在“我的办件”中提交。${pause}`
    }
    case 'resubmitted':
      return `补正内容已提交，等待工作人员审查。${due}`
    case 'approved':
      return '审批通过，正在出具办理结果，出具后将告知领取方式。'
    case 'result_issued':
      return stored.result ? `办理结果已出具（${RESULT_WAYS[stored.result.delivery.method]}），领取方式见办理结果。` : '办理结果已出具。'
    case 'completed':
      return '办件已办结，欢迎对本次服务作出评价。'
    case 'not_accepted':
    case 'rejected':
      return `${stored.status === 'rejected' ? '不予许可' : '不予受理'}，理由和法律依据见决定。如对决定不服，可以依法申请行政复议或者提起行政诉讼。`
    case 'withdrawn':
      return '申请已撤回。'
  }
}

export function caseDetail(stored: StoredCase, { calendar, today, viewer }: CaseViewContext): CaseDetail {
  const deadlines = storedCaseDeadlines(stored, calendar, today)
  return {
    ...caseReceipt(stored),
    nextSteps: caseNextSteps(stored, deadlines),
    departmentId: stored.departmentId,
    guideContentHash: stored.guideContentHash,
    situationAnswers: stored.situationAnswers,
    values: stored.values,
    materials: stored.materials,
    timeline: stored.timeline,
    acceptedOn: stored.acceptedOn,
    deadlines,
    correction: stored.status === 'correction_requested' ? stored.correction : null,
    refusal: stored.refusal,
    result: stored.result,
    availableActions: availableCaseActions({ status: stored.status, accepted: stored.acceptedOn !== null }, viewer),
  }
}
