import type { InaccuracyReceipt, InaccuracyReportInput } from '../../contract/inaccuracy-reports.ts'
import { apiRequest } from './client.ts'

/** Files a 信息纠错 report; a retry with the same key answers the first receipt. */
export function createInaccuracyReport(input: InaccuracyReportInput, idempotencyKey: string): Promise<InaccuracyReceipt> {
  return apiRequest<InaccuracyReceipt>('POST', '/api/v1/inaccuracy-reports', { body: input, idempotencyKey })
}
