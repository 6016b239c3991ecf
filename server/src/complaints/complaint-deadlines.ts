import type { ComplaintDeadlines, ComplaintStatus } from '../../../contract/complaints.ts'
import type { WorkingDayCalendar } from '../../../contract/working-days/working-days.ts'

/** The statuses in which the office still owes an answer. */
export const OPEN_FOR_ANSWER: readonly ComplaintStatus[] = ['received', 'assigned', 'handling', 'reopened']

/** The day `workingDays` working days after `from` (that day not counted); an estimate for a year without a holiday notice. */
export function dueDate(calendar: WorkingDayCalendar, from: string, workingDays: number): string {
  return calendar.estimateAddWorkingDays(from, workingDays).date
}

/** How the complaint's time limits stand on `today` (Asia/Shanghai). */
export function complaintDeadlines(
  complaint: { status: ComplaintStatus; acknowledgeBy: string; answerBy: string },
  { calendar, today }: { calendar: WorkingDayCalendar; today: string },
): ComplaintDeadlines {
  const owesAnswer = OPEN_FOR_ANSWER.includes(complaint.status)
  let workingDaysLeft: number | null = null
  if (owesAnswer) {
    try {
      workingDaysLeft = calendar.workingDaysBetween(today, complaint.answerBy)
    } catch {
      // A year without a holiday notice: the due date still shows; the count is left out.
      workingDaysLeft = null
    }
  }
  let overdue: ComplaintDeadlines['overdue'] = null
  if (owesAnswer && today > complaint.answerBy) overdue = 'answer'
  else if (complaint.status === 'received' && today > complaint.acknowledgeBy) overdue = 'acknowledgement'
  return { acknowledgeBy: complaint.acknowledgeBy, answerBy: complaint.answerBy, workingDaysLeft, overdue }
}

const overdueRank = { answer: 0, acknowledgement: 1 } as const

/** The staff queue's order: overdue first (answer, then acknowledgement), then by answer due date, then oldest first. */
export function queueOrder<T extends { deadlines: ComplaintDeadlines; answerBy: string; submittedAt: Date }>(a: T, b: T): number {
  const rankA = a.deadlines.overdue === null ? 2 : overdueRank[a.deadlines.overdue]
  const rankB = b.deadlines.overdue === null ? 2 : overdueRank[b.deadlines.overdue]
  if (rankA !== rankB) return rankA - rankB
  if (a.answerBy !== b.answerBy) return a.answerBy < b.answerBy ? -1 : 1
  return a.submittedAt.getTime() - b.submittedAt.getTime()
}
