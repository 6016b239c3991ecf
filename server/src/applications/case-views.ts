import type { CaseDetail, CaseReceipt } from '../../../contract/applications.ts'
import { formatLocalDateChinese } from '../../../contract/local-date.ts'
import type { StoredCase } from '../repositories/cases-repository.ts'

/** What happens next, for the receipt and the case page. */
export function nextSteps(stored: StoredCase): string {
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

export function caseReceipt(stored: StoredCase): CaseReceipt {
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

export function caseDetail(stored: StoredCase): CaseDetail {
  return {
    ...caseReceipt(stored),
    departmentId: stored.departmentId,
    guideContentHash: stored.guideContentHash,
    situationAnswers: stored.situationAnswers,
    values: stored.values,
    materials: stored.materials,
    timeline: stored.timeline,
  }
}
