import { describe, expect, test } from 'vitest'
import type { OpeningHours } from '../../../contract/halls.ts'
import {
  describeFlexibleHours,
  describeLunchService,
  describePeriods,
  describeWeekdays,
  isOpenAt,
} from '../../../src/domain/opening-hours.ts'
import { i18n } from '../../../src/modules/i18n.ts'

const t = i18n.global.t

const mainHallHours: OpeningHours = {
  regular: [
    { weekdays: [1, 2, 3, 4, 5], opens: '14:00', closes: '17:30' },
    { weekdays: [1, 2, 3, 4, 5], opens: '09:00', closes: '12:00' },
  ],
  flexible: { beforeOpeningMinutes: 60, afterClosingMinutes: 60 },
  lunch: null,
  weekend: [{ weekdays: [6, 7], opens: '09:00', closes: '12:00' }],
  note: null,
}

describe('opening hours in words', () => {
  test('weekdays read the way a notice board writes them', () => {
    expect(describeWeekdays([1, 2, 3, 4, 5], t)).toBe('周一至周五')
    expect(describeWeekdays([7, 6], t)).toBe('周六、周日')
    expect(describeWeekdays([1, 3], t)).toBe('周一、周三')
    expect(describeWeekdays([1, 2, 3, 5], t)).toBe('周一至周三、周五')
  })

  test('periods on the same days are joined, morning first', () => {
    expect(describePeriods(mainHallHours.regular, t)).toEqual(['周一至周五 09:00–12:00、14:00–17:30'])
    expect(describePeriods(mainHallHours.weekend, t)).toEqual(['周六、周日 09:00–12:00'])
  })

  test('flexible hours and lunch service are described, or absent when not offered', () => {
    expect(describeFlexibleHours(mainHallHours, t)).toBe('开门前1小时、下班后1小时可预约办理')
    expect(describeFlexibleHours({ ...mainHallHours, flexible: { beforeOpeningMinutes: 0, afterClosingMinutes: 30 } }, t)).toBe(
      '下班后30分钟可预约办理',
    )
    expect(describeFlexibleHours({ ...mainHallHours, flexible: null }, t)).toBeNull()
    expect(describeLunchService(mainHallHours, t)).toBeNull()
    expect(describeLunchService({ ...mainHallHours, lunch: { starts: '12:00', ends: '14:00' } }, t)).toBe('12:00–14:00')
  })
})

describe('open now, on the Asia/Shanghai clock', () => {
  // 2026-11-25 is a Wednesday; 2026-11-28 a Saturday.
  test('open in regular hours, closed over lunch and after closing', () => {
    expect(isOpenAt(mainHallHours, new Date('2026-11-25T09:30:00+08:00'))).toBe(true)
    expect(isOpenAt(mainHallHours, new Date('2026-11-25T12:30:00+08:00'))).toBe(false)
    expect(isOpenAt(mainHallHours, new Date('2026-11-25T17:30:00+08:00'))).toBe(false)
  })

  test('lunch service keeps a working day open through the break, but not on a weekend', () => {
    const withLunch = { ...mainHallHours, lunch: { starts: '12:00', ends: '14:00' } }
    expect(isOpenAt(withLunch, new Date('2026-11-25T12:30:00+08:00'))).toBe(true)
    expect(isOpenAt(withLunch, new Date('2026-11-28T12:30:00+08:00'))).toBe(false)
  })

  test('weekend service opens Saturday morning only', () => {
    expect(isOpenAt(mainHallHours, new Date('2026-11-28T10:00:00+08:00'))).toBe(true)
    expect(isOpenAt(mainHallHours, new Date('2026-11-28T15:00:00+08:00'))).toBe(false)
  })

  test('the district clock decides, not the device: 01:30 UTC is 09:30 in Baotou', () => {
    expect(isOpenAt(mainHallHours, new Date('2026-11-25T01:30:00Z'))).toBe(true)
    // 20:00 UTC on Tuesday is 04:00 Wednesday in Baotou: closed.
    expect(isOpenAt(mainHallHours, new Date('2026-11-24T20:00:00Z'))).toBe(false)
  })

  test('public holidays close the hall and 调休 weekend days keep working-day hours', () => {
    // 2026-10-01, a Thursday, is 国庆节; 2026-10-03 a Saturday inside it.
    expect(isOpenAt(mainHallHours, new Date('2026-10-01T09:30:00+08:00'))).toBe(false)
    expect(isOpenAt(mainHallHours, new Date('2026-10-03T10:00:00+08:00'))).toBe(false)
    // 2026-10-10, a Saturday, is worked in lieu: open in the afternoon as on a weekday.
    expect(isOpenAt(mainHallHours, new Date('2026-10-10T15:00:00+08:00'))).toBe(true)
    // The day after the holiday is an ordinary Friday.
    expect(isOpenAt(mainHallHours, new Date('2026-10-09T09:30:00+08:00'))).toBe(true)
  })

  test('a year without a holiday notice falls back to the weekday', () => {
    // 2027-10-01 is a Friday; the bundled calendar has no 2027 notice.
    expect(isOpenAt(mainHallHours, new Date('2027-10-01T09:30:00+08:00'))).toBe(true)
  })
})
