import { describe, expect, it } from 'vitest'
import type { TimeLimit } from '../../../../contract/guides.ts'
import { bundledWorkingDayCalendar } from '../../../../contract/working-days/working-days.ts'
import { promisedCompletion } from '../../../../server/src/applications/promised-completion.ts'

const workingDays = (days: number): TimeLimit => ({ text: `${days}个工作日`, days, unit: 'working_day' })
const promised = (limit: TimeLimit | null, submittedDay: string) => promisedCompletion(limit, submittedDay, bundledWorkingDayCalendar)

describe('promisedCompletion', () => {
  it('counts working days from acceptance on the day of submission, that day itself not counted', () => {
    // Wednesday 2026-11-25 + 5 working days = Wednesday 2026-12-02.
    expect(promised(workingDays(5), '2026-11-25')).toEqual({
      timeLimit: workingDays(5),
      countedFrom: 'acceptance',
      acceptanceDate: '2026-11-25',
      expectedDate: '2026-12-02',
      estimated: false,
    })
  })

  it('takes acceptance to be the next working day when submitted at a weekend', () => {
    expect(promised(workingDays(1), '2026-11-28')).toMatchObject({ acceptanceDate: '2026-11-30', expectedDate: '2026-12-01' })
  })

  it('skips statutory holidays and works the adjusted Saturday (国庆节 2026, 调休 10月10日)', () => {
    // Submitted on the holiday: accepted Thursday 10-08; then 10-09 (Fri), 10-10 (Sat, worked), 10-12 (Mon).
    expect(promised(workingDays(3), '2026-10-03')).toMatchObject({ acceptanceDate: '2026-10-08', expectedDate: '2026-10-12', estimated: false })
  })

  it('counts calendar-day limits as calendar days', () => {
    expect(promised({ text: '30日', days: 30, unit: 'calendar_day' }, '2026-11-25')).toMatchObject({ expectedDate: '2026-12-25' })
  })

  it('says when the date reaches a year without a holiday notice', () => {
    expect(promised(workingDays(20), '2026-12-20')).toMatchObject({ estimated: true })
  })

  it('has no date for a limit without a figure, and nothing without a limit', () => {
    expect(promised({ text: '按规定时限办理', days: null, unit: null }, '2026-11-25')).toMatchObject({ expectedDate: null })
    expect(promised(null, '2026-11-25')).toBeNull()
  })
})
