import { expect, test } from 'vitest'
import { isPhoneNumber, telHref } from '../../../src/domain/phone.ts'

test('tap-to-call links keep the dashes of a published number and drop spaces and brackets', () => {
  expect(telHref('0472-5990563')).toBe('tel:0472-5990563')
  expect(telHref('(0472) 599 0563')).toBe('tel:04725990563')
  expect(telHref('+86 139 0472 0815')).toBe('tel:+8613904720815')
  expect(telHref('12345')).toBe('tel:12345')
})

test('only a contact that is a phone number becomes tap-to-call', () => {
  expect(isPhoneNumber('0472-5990563')).toBe(true)
  expect(isPhoneNumber('12345')).toBe(true)
  expect(isPhoneNumber('1234')).toBe(false)
  expect(isPhoneNumber('一楼服务台')).toBe(false)
  expect(isPhoneNumber('0472-5990563转8001')).toBe(false)
})
