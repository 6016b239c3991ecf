import type { CaseDetail, CaseList } from '../../contract/applications.ts'
import type { CorrectionResponseInput } from '../../contract/case-lifecycle.ts'
import { apiRequest } from './client.ts'

/** The signed-in citizen's cases (我的办件), newest first. */
export function fetchMyCases(): Promise<CaseList> {
  return apiRequest<CaseList>('GET', '/api/v1/me/cases')
}

/** One of the citizen's cases with its timeline, deadlines, correction request and result; 404 when it is not theirs. */
export function fetchMyCase(caseNumber: string): Promise<CaseDetail> {
  return apiRequest<CaseDetail>('GET', `/api/v1/me/cases/${encodeURIComponent(caseNumber)}`)
}

/** Answers the case's open correction request (补正); a retry with the same key answers the first result. */
export function sendCorrectionResponse(caseNumber: string, input: CorrectionResponseInput, idempotencyKey: string): Promise<CaseDetail> {
  return apiRequest<CaseDetail>('POST', `/api/v1/me/cases/${encodeURIComponent(caseNumber)}/correction-response`, { body: input, idempotencyKey })
}
