import { describe, expect, it } from 'vitest'
import { maskIdNumber, maskMiddle, maskMobile } from '../../../../contract/validators/masking.ts'

describe('masking', () => {
  it('keeps the first and last four characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X')
    expect(maskIdNumber('150203199001010010')).toBe('1502**********0010')
    expect(maskIdNumber('11010519491231002x')).toBe('1101**********002X')
  })

  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskMobile('13812345678')).toBe('138****5678')
    expect(maskMobile('+86 138-1234-5678')).toBe('138****5678')
  })

  it('masks short values whole rather than show them', () => {
    expect(maskMiddle('1234', 3, 4)).toBe('****')
    expect(maskIdNumber('12345678')).toBe('********')
    expect(maskMiddle('123456789', 4, 4)).toBe('1234*6789')
  })
})
