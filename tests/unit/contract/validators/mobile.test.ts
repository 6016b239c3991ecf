import { describe, expect, it } from 'vitest'
import { checkMobile, normalizeMobile } from '../../../../contract/validators/mobile.ts'

describe('checkMobile', () => {
  it.each(['13812345678', '15047281234', '16612345678', '17712345678', '18912345678', '19912345678'])('accepts %s', (mobile) => {
    expect(checkMobile(mobile)).toEqual({ valid: true, mobile })
  })

  it.each([
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-13812345678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['（+86）13812345678', '13812345678'],
  ])('forgives separators and the country prefix: %s', (typed, mobile) => {
    expect(checkMobile(typed)).toEqual({ valid: true, mobile })
  })

  it.each(['1381234567', '138123456789', '12812345678', '23812345678', '0472-5990563', '12345', '1381234567a'])('refuses %s', (typed) => {
    expect(checkMobile(typed)).toEqual({ valid: false, problem: 'format', message: '手机号码应为以1开头的11位数字' })
  })

  it('asks for a number when there is none', () => {
    expect(checkMobile('  ')).toEqual({ valid: false, problem: 'empty', message: '请填写手机号码' })
  })

  it('keeps an 86 that belongs to the number itself', () => {
    expect(normalizeMobile('18612345678')).toBe('18612345678')
  })
})
