import type { Kysely } from 'kysely'
import type { CaseStatus } from '../../../contract/applications.ts'
import { CASE_STATUS_NAMES, type ResultDelivery } from '../../../contract/case-lifecycle.ts'
import type { CaseTransitionOutcome } from '../cases/transition-case.ts'
import type { Database } from '../db/schema.ts'
import { notifyCitizen, type CitizenNotice } from './notify-citizen.ts'

/** How to collect the result, in one sentence. */
export function howToCollect(delivery: ResultDelivery): string {
  switch (delivery.method) {
    case 'pickup':
      return `请到${delivery.place}领取（${delivery.hours}），领取时请携带本人身份证件。`
    case 'post':
      return `已由${delivery.carrier}寄出，运单号${delivery.trackingNumber}，请留意查收。`
    case 'electronic':
      return `已出具电子证照“${delivery.licenceName}”（编号${delivery.licenceNumber}），可在电子证照库中查看和下载。`
  }
}

const STATUS_TITLES: Partial<Record<CaseStatus, string>> = {
  accepted: '办件已受理',
  not_accepted: '办件不予受理',
  under_review: '办件审查中',
  approved: '审批通过',
  rejected: '不予许可',
  completed: '办件已办结',
}

/** What the applicant is told about a change of their case; nothing for their own answer to a correction. */
export function caseTransitionNotice(outcome: CaseTransitionOutcome): Omit<CitizenNotice, 'now'> | null {
  const { after, event } = outcome
  if (event.actorRole === 'applicant') return null
  const base = { citizenId: after.citizenId, caseNumber: after.caseNumber }
  const item = `“${after.itemName}”`
  switch (outcome.action) {
    case 'request_correction': {
      const items = after.correction?.items ?? []
      const names = items.map((entry) => `“${entry.name}”`).join('、')
      return {
        ...base,
        kind: 'correction_requested',
        title: '需要补正材料',
        body: `${item}需要补正${items.length}项内容：${names}。请在办件详情中一次补齐后提交。`,
      }
    }
    case 'issue_result': {
      const delivery = after.result?.delivery
      return {
        ...base,
        kind: 'result_ready',
        title: '办理结果已出具',
        body: `${item}的办理结果已出具。${delivery ? howToCollect(delivery) : event.note}`,
      }
    }
    default: {
      const title = STATUS_TITLES[outcome.to] ?? `办件${CASE_STATUS_NAMES[outcome.to]}`
      return { ...base, kind: 'case_status', title, body: `${item}：${event.note}` }
    }
  }
}

/** Stores the notification of a case transition in its transaction (see transitionCase). */
export async function notifyCaseTransition(trx: Kysely<Database>, outcome: CaseTransitionOutcome): Promise<void> {
  const notice = caseTransitionNotice(outcome)
  if (notice) await notifyCitizen(trx, { ...notice, now: outcome.event.at })
}
