import type { CaseDeadline, CaseDeadlines } from '../../contract/case-lifecycle.ts'
import { formatLocalDateChinese } from '../../contract/local-date.ts'
import type { Translate } from './translate.ts'

/** How a deadline reads: plain, close (due today), overdue — always said in words, the colour only adds to it. */
export type DeadlineTone = 'plain' | 'due' | 'overdue'

/** What a deadline says in one line ("还剩3个工作日", "已超期2个工作日", "补正期间暂停计时…"), and its tone. */
export interface DeadlineLine {
  text: string
  tone: DeadlineTone
}

/**
 * The days left of a deadline as the citizen reads it (contract/case-lifecycle.ts CaseDeadline):
 * not yet running before acceptance, paused while a correction is pending, stopped by the
 * decision, else the working days left or overdue. null for a limit without a figure (e.g. 即办).
 */
export function deadlineLine(deadline: CaseDeadline, t: Translate): DeadlineLine | null {
  if (deadline.stoppedOn) {
    return deadline.overdue
      ? { text: t('cases.deadline.stoppedLate', { date: formatLocalDateChinese(deadline.stoppedOn) }), tone: 'overdue' }
      : { text: t('cases.deadline.stoppedInTime', { date: formatLocalDateChinese(deadline.stoppedOn) }), tone: 'plain' }
  }
  if (deadline.paused) {
    return deadline.workingDaysLeft === null
      ? { text: t('cases.deadline.paused', {}), tone: 'plain' }
      : deadline.workingDaysLeft < 0
        ? { text: t('cases.deadline.pausedOverdue', { days: -deadline.workingDaysLeft }), tone: 'overdue' }
        : { text: t('cases.deadline.pausedLeft', { days: deadline.workingDaysLeft }), tone: 'plain' }
  }
  if (deadline.timeLimit.days === null) return null
  if (deadline.startDate === null || deadline.workingDaysLeft === null) return { text: t('cases.deadline.notStarted', {}), tone: 'plain' }
  if (deadline.overdue || deadline.workingDaysLeft < 0) return { text: t('cases.deadline.overdue', { days: Math.max(1, -deadline.workingDaysLeft) }), tone: 'overdue' }
  if (deadline.workingDaysLeft === 0) return { text: t('cases.deadline.dueToday', {}), tone: 'due' }
  return { text: t('cases.deadline.left', { days: deadline.workingDaysLeft }), tone: 'plain' }
}

/** The deadline the list shows: the promised one (the shorter, what the hall committed to), else the statutory one. */
export function listedDeadline(deadlines: CaseDeadlines): { kind: 'promised' | 'statutory'; deadline: CaseDeadline } | null {
  if (deadlines.promised) return { kind: 'promised', deadline: deadlines.promised }
  if (deadlines.statutory) return { kind: 'statutory', deadline: deadlines.statutory }
  return null
}
