import { isWorkday } from 'chinese-days'
import { describe, expect, it } from 'vitest'
import { addCalendarDays } from '../../../contract/local-date.ts'
import { calendarYearProblems } from '../../../contract/working-days/calendar-year.ts'
import {
  addWorkingDays,
  BUNDLED_CALENDAR_YEARS,
  bundledWorkingDayCalendar,
  createWorkingDayCalendar,
  isWorkingDay,
  MissingCalendarYearError,
  workingDaysBetween,
} from '../../../contract/working-days/working-days.ts'

// Expected dates worked out by hand from the State Council notices (国务院办公厅关于2025年 / 2026年
// 部分节假日安排的通知), not from the data files.

describe('Spring Festival 2026: 2月15日（周日）至23日（周一）放假，2月14日（周六）、2月28日（周六）上班', () => {
  it.each([
    ['2026-02-13', true, 'the Friday before'],
    ['2026-02-14', true, 'Saturday worked (调休)'],
    ['2026-02-15', false, 'first day off, a Sunday'],
    ['2026-02-16', false, 'a Monday inside the holiday'],
    ['2026-02-21', false, 'a Saturday inside the holiday'],
    ['2026-02-23', false, 'last day off, a Monday'],
    ['2026-02-24', true, 'back at work'],
    ['2026-02-28', true, 'Saturday worked (调休)'],
    ['2026-03-01', false, 'an ordinary Sunday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working)
  })

  it('tells what each day is', () => {
    expect(bundledWorkingDayCalendar.day('2026-02-14')).toEqual({ date: '2026-02-14', kind: 'adjusted_working_day', working: true, holiday: '春节' })
    expect(bundledWorkingDayCalendar.day('2026-02-17')).toEqual({ date: '2026-02-17', kind: 'holiday', working: false, holiday: '春节' })
    expect(bundledWorkingDayCalendar.day('2026-03-01')).toEqual({ date: '2026-03-01', kind: 'weekend', working: false, holiday: null })
    expect(bundledWorkingDayCalendar.day('2026-03-02')).toEqual({ date: '2026-03-02', kind: 'working_day', working: true, holiday: null })
  })

  it('adds working days across the holiday, counting the Saturdays worked', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14')
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24')
    expect(addWorkingDays('2026-02-11', 5)).toBe('2026-02-25')
    // 20 working days from Tuesday 10 February: 16 March (weekends alone would say 10 March).
    expect(addWorkingDays('2026-02-10', 20)).toBe('2026-03-16')
  })

  it('counts the working days between two dates', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5)
    expect(workingDaysBetween('2026-02-10', '2026-03-16')).toBe(20)
    expect(workingDaysBetween('2026-02-27', '2026-02-13')).toBe(-5)
    expect(workingDaysBetween('2026-02-16', '2026-02-16')).toBe(0)
  })
})

describe('National Day 2026: 10月1日（周四）至7日（周三）放假，9月20日（周日）、10月10日（周六）上班; 中秋 9月25日至27日', () => {
  it.each([
    ['2026-09-19', false, 'an ordinary Saturday'],
    ['2026-09-20', true, 'Sunday worked (调休)'],
    ['2026-09-25', false, 'Mid-Autumn, a Friday'],
    ['2026-09-30', true, 'the Wednesday before'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day off, a Wednesday'],
    ['2026-10-08', true, 'back at work'],
    ['2026-10-10', true, 'Saturday worked (调休)'],
    ['2026-10-11', false, 'an ordinary Sunday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working)
  })

  it('adds and counts working days across Mid-Autumn and National Day', () => {
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08')
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10')
    expect(addWorkingDays('2026-09-18', 7)).toBe('2026-09-29')
    expect(workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4)
  })

  it('counts back with a negative number of days', () => {
    expect(addWorkingDays('2026-10-08', -1)).toBe('2026-09-30')
    expect(addWorkingDays('2026-10-12', -4)).toBe('2026-09-30')
    expect(addWorkingDays('2026-10-08', 0)).toBe('2026-10-08')
  })
})

describe('2025 (国办发明电〔2024〕12号)', () => {
  it.each([
    ['2025-01-01', false], ['2025-01-26', true], ['2025-01-28', false], ['2025-02-04', false], ['2025-02-08', true],
    ['2025-04-27', true], ['2025-05-05', false], ['2025-06-02', false], ['2025-09-28', true], ['2025-10-08', false], ['2025-10-11', true],
  ])('%s is a working day: %s', (date, working) => expect(isWorkingDay(date)).toBe(working))

  it('carries a deadline from 2025 into 2026 over New Year', () => {
    // 2025-12-31 (Wed) is worked; 2026-01-01..03 off; 2026-01-04 (Sun) worked.
    expect(addWorkingDays('2025-12-30', 2)).toBe('2026-01-04')
  })
})

describe('a year without a notice', () => {
  it('fails loudly instead of counting weekends only', () => {
    expect(() => isWorkingDay('2024-05-01')).toThrow(MissingCalendarYearError)
    expect(() => addWorkingDays('2026-12-20', 10)).toThrow(expect.objectContaining({ name: 'MissingCalendarYearError', year: 2027 }))
    expect(() => workingDaysBetween('2026-12-30', '2027-01-05')).toThrow(/缺少2027年的法定节假日安排/)
  })

  it('still answers inside covered years when the count stays there', () => {
    expect(addWorkingDays('2026-12-20', 9)).toBe('2026-12-31')
  })

  it('gives an estimate only when asked, flagged with the missing years', () => {
    expect(bundledWorkingDayCalendar.estimateAddWorkingDays('2026-12-20', 10)).toEqual({ date: '2027-01-01', estimated: true, missingYears: [2027] })
    expect(bundledWorkingDayCalendar.estimateAddWorkingDays('2026-02-10', 20)).toEqual({ date: '2026-03-16', estimated: false, missingYears: [] })
  })

  it('is answered exactly once the year is added, and a later entry corrects an earlier one', () => {
    const with2027 = createWorkingDayCalendar([
      ...BUNDLED_CALENDAR_YEARS,
      { year: 2027, source: 'test', holidays: { '2027-01-01': '元旦' }, adjustedWorkingDays: {} },
    ])
    expect(with2027.years).toEqual([2025, 2026, 2027])
    expect(addWorkingDays('2026-12-20', 10, with2027)).toBe('2027-01-04')
    const corrected = createWorkingDayCalendar([...BUNDLED_CALENDAR_YEARS, { year: 2026, source: 'test', holidays: {}, adjustedWorkingDays: {} }])
    expect(isWorkingDay('2026-10-08', corrected)).toBe(true)
    expect(isWorkingDay('2026-10-01', corrected)).toBe(true)
    expect(isWorkingDay('2026-10-10', corrected)).toBe(false)
  })
})

it('refuses dates that are not YYYY-MM-DD calendar dates', () => {
  expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError)
  expect(() => addWorkingDays('2026/02/10', 1)).toThrow(RangeError)
  expect(() => addWorkingDays('2026-02-10', 1.5)).toThrow(RangeError)
})

describe('the bundled data', () => {
  it('covers 2025 and 2026, and every file passes its own checks', () => {
    expect(bundledWorkingDayCalendar.years).toEqual([2025, 2026])
    for (const year of BUNDLED_CALENDAR_YEARS) expect(calendarYearProblems(year)).toEqual([])
  })

  it('agrees day by day with the chinese-days package it was converted from', () => {
    for (const { year } of BUNDLED_CALENDAR_YEARS) {
      for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addCalendarDays(date, 1)) {
        expect(isWorkingDay(date), date).toBe(isWorkday(date))
      }
    }
  })
})

describe('calendarYearProblems', () => {
  const year = { year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知', holidays: { '2027-01-01': '元旦' }, adjustedWorkingDays: {} }

  it('accepts a well-formed year', () => expect(calendarYearProblems(year)).toEqual([]))

  it('reports dates of another year, impossible dates, days both off and worked, and weekdays listed as worked', () => {
    expect(
      calendarYearProblems({ ...year, holidays: { '2026-12-31': '元旦', '2027-02-30': '春节', '2027-01-02': '元旦' }, adjustedWorkingDays: { '2027-01-02': '元旦', '2027-01-04': '元旦' } }),
    ).toEqual([
      'holidays 中的 2026-12-31 不属于 2027 年',
      'holidays 中的 2027-02-30 不是有效日期',
      '2027-01-02 同时列为放假日和调休上班日',
      '调休上班日 2027-01-04 不是周末',
    ])
  })

  it('reports a broken format', () => {
    expect(calendarYearProblems({ year: 2027, holidays: {} })[0]).toMatch(/^格式错误/)
    expect(calendarYearProblems({ ...year, extra: true })[0]).toMatch(/^格式错误/)
  })
})
