import type { InaccuracyReportInput, InaccuracyTopic } from '../../contract/inaccuracy-reports.ts'

/** The same limits the server's schema enforces (contract/inaccuracy-reports.ts). */
export const DESCRIPTION_MIN_LENGTH = 5
export const DESCRIPTION_MAX_LENGTH = 1000
export const CONTACT_MAX_LENGTH = 50

export const INACCURACY_TOPICS: readonly InaccuracyTopic[] = [
  'address',
  'opening_hours',
  'phone',
  'window',
  'staff',
  'accessibility',
  'other',
]

export interface InaccuracyReportDraft {
  topic: InaccuracyTopic | null
  description: string
  contact: string
}

/** Which field is wrong and why, as locale keys; empty when the report can be sent. */
export type InaccuracyReportProblems = Partial<Record<keyof InaccuracyReportDraft, string>>

/** Checks a draft the way the server will, so the citizen hears about mistakes before sending. */
export function checkInaccuracyReport(draft: InaccuracyReportDraft): InaccuracyReportProblems {
  const problems: InaccuracyReportProblems = {}
  if (!draft.topic) problems.topic = 'report.errors.topicRequired'
  const description = draft.description.trim()
  if (description.length < DESCRIPTION_MIN_LENGTH) problems.description = 'report.errors.descriptionTooShort'
  else if (description.length > DESCRIPTION_MAX_LENGTH) problems.description = 'report.errors.descriptionTooLong'
  if (draft.contact.trim().length > CONTACT_MAX_LENGTH) problems.contact = 'report.errors.contactTooLong'
  return problems
}

/** The request body for a checked draft: trimmed, and without an empty contact. */
export function toInaccuracyReportInput(hallId: string, draft: InaccuracyReportDraft & { topic: InaccuracyTopic }): InaccuracyReportInput {
  const contact = draft.contact.trim()
  return { hallId, topic: draft.topic, description: draft.description.trim(), ...(contact ? { contact } : {}) }
}
