import { describe, expect, it } from 'vitest'
import { caseDeadline, estimateWorkingDaysBetween, type CaseDeadlineClock } from '../../../contract/case-lifecycle.ts'
import type { TimeLimit } from '../../../contract/guides.ts'
import { bundledWorkingDayCalendar as calendar, createWorkingDayCalendar } from '../../../contract/working-days/working-days.ts'

const twentyWorkingDays: TimeLimit = { text: '20个工作日', days: 20, unit: 'working_day' }
const fiveWorkingDays: TimeLimit = { text: '5个工作日', days: 5, unit: 'working_day' }
const sixtyDays: TimeLimit = { text: '60日', days: 60, unit: 'calendar_day' }
const clock = (acceptedOn: string | null, pauses: CaseDeadlineClock['pauses'] = [], decidedOn: string | null = null): CaseDeadlineClock => ({ acceptedOn, pauses, decidedOn })

describe('deadlines counted from acceptance', () => {
  it('does not run before acceptance', () => {
    expect(caseDeadline(twentyWorkingDays, clock(null), '2026-09-28', calendar)).toEqual({
      timeLimit: twentyWorkingDays,
      startDate: null,
      dueDate: null,
      workingDaysLeft: null,
      overdue: false,
      paused: false,
      pausedDays: 0,
      stoppedOn: null,
      estimated: false,
    })
  })

  it('is null for an item without such a limit, and has no date for a limit without a figure', () => {
    expect(caseDeadline(null, clock('2026-09-28'), '2026-09-28', calendar)).toBeNull()
    expect(caseDeadline({ text: '即办', days: null, unit: null }, clock('2026-09-28'), '2026-09-28', calendar)).toMatchObject({ dueDate: null, workingDaysLeft: null, overdue: false })
  })

  it('skips Spring Festival 2026 and counts its adjusted Saturdays (2月14日, 2月28日)', () => {
    // Accepted Friday 2月13日: 14日 (Saturday worked) is day 1, then 24日–27日 after the holiday.
    const running = caseDeadline(fiveWorkingDays, clock('2026-02-13'), '2026-02-16', calendar)
    expect(running).toMatchObject({ startDate: '2026-02-13', dueDate: '2026-02-27', workingDaysLeft: 4, overdue: false, paused: false, estimated: false })
    expect(caseDeadline(fiveWorkingDays, clock('2026-02-13'), '2026-02-27', calendar)).toMatchObject({ workingDaysLeft: 0, overdue: false })
    // Saturday 2月28日 is a working day: on Monday 3月2日 two working days are past the due date.
    expect(caseDeadline(fiveWorkingDays, clock('2026-02-13'), '2026-03-02', calendar)).toMatchObject({ dueDate: '2026-02-27', workingDaysLeft: -2, overdue: true })
  })

  it('skips Mid-Autumn and National Day 2026 and counts Saturday 10月10日', () => {
    // Accepted Monday 9月28日: 29日, 30日, 10月8日, 9日, 10日 (Saturday worked), then 12日 … 30日.
    expect(caseDeadline(twentyWorkingDays, clock('2026-09-28'), '2026-09-28', calendar)).toMatchObject({ dueDate: '2026-10-30', workingDaysLeft: 20 })
    expect(caseDeadline(twentyWorkingDays, clock('2026-09-28'), '2026-10-05', calendar)).toMatchObject({ dueDate: '2026-10-30', workingDaysLeft: 18 })
    expect(caseDeadline(sixtyDays, clock('2026-09-28'), '2026-10-05', calendar)).toMatchObject({ dueDate: '2026-11-27', workingDaysLeft: 38 })
  })
})

describe('a correction after acceptance pauses the deadlines', () => {
  // Requested Wednesday 9月30日, answered Friday 10月9日: pending over the holiday and two working days (8日, 9日).
  const pending = clock('2026-09-28', [{ from: '2026-09-30', to: null }])
  const answered = clock('2026-09-28', [{ from: '2026-09-30', to: '2026-10-09' }])

  it('has no due date while pending, and keeps the working days that were left on the day of the request', () => {
    for (const today of ['2026-10-08', '2026-11-20']) {
      expect(caseDeadline(twentyWorkingDays, pending, today, calendar)).toMatchObject({ dueDate: null, paused: true, workingDaysLeft: 18, overdue: false, pausedDays: 0 })
    }
  })

  it('moves the due date on by the working days the correction was pending once it is answered', () => {
    expect(caseDeadline(twentyWorkingDays, answered, '2026-10-09', calendar)).toMatchObject({ dueDate: '2026-11-03', paused: false, pausedDays: 2, workingDaysLeft: 18 })
  })

  it('moves a calendar-day limit on by the calendar days it was pending', () => {
    expect(caseDeadline(sixtyDays, answered, '2026-10-09', calendar)).toMatchObject({ dueDate: '2026-12-06', pausedDays: 9 })
  })

  it('adds up several corrections, and a correction answered on the day it was requested adds nothing', () => {
    const twice = clock('2026-09-28', [
      { from: '2026-09-30', to: '2026-10-09' },
      { from: '2026-10-12', to: '2026-10-12' },
      { from: '2026-10-13', to: '2026-10-15' },
    ])
    expect(caseDeadline(twentyWorkingDays, twice, '2026-10-15', calendar)).toMatchObject({ pausedDays: 4, dueDate: '2026-11-05' })
  })

  it('stays overdue while paused when the request came after the due date', () => {
    expect(caseDeadline(fiveWorkingDays, clock('2026-02-13', [{ from: '2026-03-02', to: null }]), '2026-03-10', calendar)).toMatchObject({ paused: true, dueDate: null, workingDaysLeft: -2, overdue: true })
  })
})

describe('the decision stops the clock', () => {
  it('keeps the due date and says whether the decision came late', () => {
    expect(caseDeadline(twentyWorkingDays, clock('2026-09-28', [], '2026-10-30'), '2026-12-01', calendar)).toMatchObject({ dueDate: '2026-10-30', stoppedOn: '2026-10-30', workingDaysLeft: null, overdue: false })
    expect(caseDeadline(twentyWorkingDays, clock('2026-09-28', [], '2026-11-02'), '2026-12-01', calendar)).toMatchObject({ stoppedOn: '2026-11-02', overdue: true })
  })

  it('ends a pause with the decision (a refusal while the correction is pending)', () => {
    expect(caseDeadline(twentyWorkingDays, clock('2026-09-28', [{ from: '2026-09-30', to: null }], '2026-10-20'), '2026-10-21', calendar)).toMatchObject({ paused: false, stoppedOn: '2026-10-20' })
  })
})

describe('a year without a holiday notice', () => {
  it('is counted Monday to Friday and flagged as an estimate, never an error', () => {
    // Accepted 2026年12月21日 (Monday): the count runs into 2027, which the bundled calendar lacks.
    const deadline = caseDeadline(twentyWorkingDays, clock('2026-12-21'), '2026-12-21', calendar)
    expect(deadline).toMatchObject({ dueDate: '2027-01-18', estimated: true, workingDaysLeft: 20 })
    expect(caseDeadline(twentyWorkingDays, clock('2026-09-28'), '2026-09-28', calendar)).toMatchObject({ estimated: false })
  })

  it('is an estimate also for a pause or a day in such a year, and exact once the year is added', () => {
    const only2026 = createWorkingDayCalendar([])
    expect(estimateWorkingDaysBetween(only2026, '2026-09-30', '2026-10-09')).toEqual({ days: 7, estimated: true })
    expect(estimateWorkingDaysBetween(calendar, '2026-09-30', '2026-10-09')).toEqual({ days: 2, estimated: false })
    expect(caseDeadline(fiveWorkingDays, clock('2027-03-01', [{ from: '2027-03-02', to: '2027-03-04' }]), '2027-03-04', calendar)).toMatchObject({ dueDate: '2027-03-10', pausedDays: 2, estimated: true })
  })
})
