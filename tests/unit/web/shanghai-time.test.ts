import { expect, test } from 'vitest'
import { formatShanghaiDate, formatShanghaiDateTime, shanghaiClock } from '../../../src/domain/shanghai-time.ts'
import { i18n } from '../../../src/modules/i18n.ts'

test('timestamps are shown as YYYY年M月D日 HH:mm in Asia/Shanghai, whatever their offset', () => {
  expect(formatShanghaiDateTime('2026-11-24T17:05:00Z', i18n.global.t)).toBe('2026年11月25日 01:05')
  expect(formatShanghaiDateTime(new Date('2026-03-01T08:00:00+08:00'), i18n.global.t)).toBe('2026年3月1日 08:00')
})

test('the district clock gives the ISO weekday and minutes of the local day', () => {
  // Sunday 23:30 UTC is Monday 07:30 in Baotou.
  expect(shanghaiClock(new Date('2026-11-29T23:30:00Z'))).toMatchObject({ weekday: 1, hour: 7, minute: 30, minutesOfDay: 450 })
  // Midnight reads 00, not 24.
  expect(shanghaiClock(new Date('2026-11-24T16:00:00Z'))).toMatchObject({ day: 25, hour: 0, minutesOfDay: 0 })
})

test('dates are shown as YYYY年M月D日: calendar dates as they are, timestamps in Asia/Shanghai', () => {
  expect(formatShanghaiDate('2025-01-01', i18n.global.t)).toBe('2025年1月1日')
  expect(formatShanghaiDate('2026-11-24T17:05:00Z', i18n.global.t)).toBe('2026年11月25日')
})
