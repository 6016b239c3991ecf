import { describe, expect, it } from 'vitest'
import { requestFingerprint } from '../../../../server/src/plugins/idempotency.ts'

describe('requestFingerprint', () => {
  it('is the same for the same body with keys in any order', () => {
    expect(requestFingerprint('POST', '/api/v1/x', { a: 1, b: { c: [1, 2], d: 'e' } })).toBe(
      requestFingerprint('POST', '/api/v1/x', { b: { d: 'e', c: [1, 2] }, a: 1 }),
    )
  })

  it('differs when the body, the path or the method differs', () => {
    const base = requestFingerprint('POST', '/api/v1/x', { a: 1 })
    expect(requestFingerprint('POST', '/api/v1/x', { a: 2 })).not.toBe(base)
    expect(requestFingerprint('POST', '/api/v1/y', { a: 1 })).not.toBe(base)
    expect(requestFingerprint('PUT', '/api/v1/x', { a: 1 })).not.toBe(base)
    expect(requestFingerprint('POST', '/api/v1/x', [{ a: 1 }])).not.toBe(base)
  })
})
