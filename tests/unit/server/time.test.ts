import { expect, it } from 'vitest'
import { shanghaiDate } from '../../../server/src/time.ts'

it('gives the calendar day in Asia/Shanghai, not UTC', () => {
  expect(shanghaiDate(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24')
  expect(shanghaiDate(new Date('2026-11-24T16:00:00Z'))).toBe('2026-11-25')
})
