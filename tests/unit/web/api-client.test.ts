import { expect, test } from 'vitest'
import { parseRetryAfter } from '../../../src/api/client.ts'

test('Retry-After is read as seconds, or as an HTTP date from now', () => {
  const now = Date.parse('2026-11-25T08:00:00Z')
  expect(parseRetryAfter('42', now)).toBe(42)
  expect(parseRetryAfter(' 0 ', now)).toBe(0)
  expect(parseRetryAfter('Wed, 25 Nov 2026 08:01:30 GMT', now)).toBe(90)
  // A date already past means now.
  expect(parseRetryAfter('Wed, 25 Nov 2026 07:00:00 GMT', now)).toBe(0)
  expect(parseRetryAfter(null, now)).toBeNull()
  expect(parseRetryAfter('soon', now)).toBeNull()
})
