import { randomUUID } from 'node:crypto'
import type { InaccuracyReportInput } from '../../../contract/inaccuracy-reports.ts'

/** A fresh Idempotency-Key as a client would generate it. */
export function idempotencyKey(): string {
  return randomUUID()
}

export function inaccuracyReportInput(overrides: Partial<InaccuracyReportInput> = {}): InaccuracyReportInput {
  return {
    hallId: 'kundulun-civic-centre',
    topic: 'opening_hours',
    description: '周六上午的开放时间与大厅门口公示的不一致。',
    ...overrides,
  }
}
