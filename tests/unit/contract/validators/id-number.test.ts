import { describe, expect, it } from 'vitest'
import { checkIdNumber, idNumberCheckCharacter } from '../../../../contract/validators/id-number.ts'

const today = '2026-11-25'

// Check characters worked by hand as well (sum of digit × weight 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
// modulo 11, looked up in 1 0 X 9 8 7 6 5 4 3 2):
// 11010519491231002X (GB 11643-1999's own example): 167 mod 11 = 2 → X.
// 150203201809010021: 198 mod 11 = 0 → 1.   150203194508150044: 239 mod 11 = 8 → 4.
describe('checkIdNumber (GB 11643-1999)', () => {
  it('accepts the standard’s published sample and gives its birth date and sex', () => {
    expect(checkIdNumber('11010519491231002X', { today })).toEqual({
      valid: true, idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', regionCode: '110105',
    })
  })

  it.each([
    ['150203199001010010', '1990-01-01', 'male'],
    ['150203201809010021', '2018-09-01', 'female'],
    ['150203194508150044', '1945-08-15', 'female'],
  ])('accepts %s (昆都仑区 address code)', (idNumber, birthDate, sex) => {
    expect(checkIdNumber(idNumber, { today })).toMatchObject({ valid: true, birthDate, sex, regionCode: '150203' })
  })

  it('computes the check character of the first 17 digits', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X')
    expect(idNumberCheckCharacter('15020320180901002')).toBe('1')
  })

  it('accepts a lower-case x and spaces, and stores the number upper-cased without them', () => {
    expect(checkIdNumber('11010519491231002x', { today })).toMatchObject({ valid: true, idNumber: '11010519491231002X' })
    expect(checkIdNumber(' 110105 19491231 002X ', { today })).toMatchObject({ valid: true, idNumber: '11010519491231002X' })
  })

  it.each([
    ['one digit changed', '11010519491231003X'],
    ['two adjacent digits swapped', '11010519491231020X'],
    ['the check character dropped to a digit', '110105194912310029'],
    ['the fictitious sample-form number', '150203199001010000'],
  ])('refuses %s with the check-character message', (_case, idNumber) => {
    expect(checkIdNumber(idNumber, { today })).toEqual({ valid: false, problem: 'check_character', message: '身份证号码校验位不正确，请逐位核对' })
  })

  it('refuses a birth date that does not exist, lies in the future or before 1900', () => {
    // 2026-02-29 does not exist; check character 6 is right for the other 17 digits.
    expect(checkIdNumber('150203202602290016', { today })).toMatchObject({ valid: false, problem: 'birth_date', message: '身份证号码中的出生日期无效' })
    expect(checkIdNumber('150203202612010014', { today })).toMatchObject({ valid: false, problem: 'birth_date_future', message: '身份证号码中的出生日期晚于今天' })
    expect(checkIdNumber('150203202612010014', { today: '2026-12-01' })).toMatchObject({ valid: true })
    // GB 11643's second example: check character 4 is right, but 1880 is before 1900.
    expect(idNumberCheckCharacter('44052418800101001')).toBe('4')
    expect(checkIdNumber('440524188001010014', { today })).toMatchObject({ valid: false, problem: 'birth_date_before_1900', message: '身份证号码中的出生日期早于1900年' })
  })

  it('refuses wrong length, characters and province codes', () => {
    expect(checkIdNumber('', { today })).toMatchObject({ problem: 'empty', message: '请填写身份证号码' })
    expect(checkIdNumber('150203900101001', { today })).toMatchObject({ problem: 'length', message: '身份证号码应为18位（当前15位）' })
    expect(checkIdNumber('1101051949123100XX', { today })).toMatchObject({ problem: 'format' })
    expect(checkIdNumber('11010519491231002Y', { today })).toMatchObject({ problem: 'format' })
    expect(checkIdNumber('990105194912310021', { today })).toMatchObject({ problem: 'region', message: '身份证号码前两位不是有效的省级行政区划代码' })
  })

  it('judges the check character alone when the region check is switched off', () => {
    const first17 = '99010519491231002'
    expect(checkIdNumber(first17 + idNumberCheckCharacter(first17), { today, checkRegion: false })).toMatchObject({ valid: true })
  })

  it('uses today in Asia/Shanghai by default', () => {
    expect(checkIdNumber('150203209901010012')).toMatchObject({ valid: false, problem: 'birth_date_future' })
  })
})
