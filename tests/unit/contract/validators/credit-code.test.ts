import { describe, expect, it } from 'vitest'
import { checkCreditCode, creditCodeCheckCharacter } from '../../../../contract/validators/credit-code.ts'

// Real codes, as printed on the companies' business licences. Each check character was computed
// with creditCodeCheckCharacter and, for GB 32100's own example, by hand: the characters' values
// 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4 times the weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24
// 10 30 28 sum to 1640; 1640 mod 31 = 28; 31 − 28 = 3.
const realCodes = [
  ['91350100M000100Y43', 'GB 32100-2015 的示例代码'],
  ['91330100799655058B', '阿里巴巴（中国）有限公司'],
  ['9144030071526726XG', '腾讯科技（深圳）有限公司'],
  ['914403001922038216', '华为技术有限公司'],
  ['91110000710926094P', '中国石油化工股份有限公司'],
  ['91110000802100433B', '百度在线网络技术（北京）有限公司'],
  ['91110108551385082Q', '小米科技有限责任公司'],
  ['91100000100003962T', '中国工商银行股份有限公司'],
] as const

describe('checkCreditCode (GB 32100-2015)', () => {
  it.each(realCodes)('accepts %s (%s)', (code) => {
    expect(checkCreditCode(code)).toMatchObject({ valid: true, creditCode: code })
  })

  it('splits a code into its parts', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({
      valid: true, creditCode: '91350100M000100Y43', authority: '9', entityType: '1', regionCode: '350100', organizationCode: 'M000100Y4',
    })
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3')
  })

  it('accepts lower case and spaces, and stores the code upper-cased without them', () => {
    expect(checkCreditCode('91350100m000100y43')).toMatchObject({ valid: true, creditCode: '91350100M000100Y43' })
    expect(checkCreditCode('9135 0100 M000 100Y 43')).toMatchObject({ valid: true, creditCode: '91350100M000100Y43' })
  })

  it.each([
    ['one digit changed', '91330100799655068B'],
    ['two adjacent characters swapped', '91330100799656558B'],
    ['the last two characters swapped', '91350100M000100Y34'],
    ['a digit moved', '91350100M000010Y43'],
    ['the fictitious sample-form code', '91150203MA00000000'],
  ])('refuses %s with the check-character message', (_case, code) => {
    expect(checkCreditCode(code)).toEqual({ valid: false, problem: 'check_character', message: '统一社会信用代码校验位不正确，请逐位核对' })
  })

  it.each(['9135010OM000100Y43', '91350100M0001I0Y43', '91350100M000100S43', '91350100M000100V43', '91350100Z000100Y43'])(
    'refuses %s: O, I, S, V and Z are not in the alphabet',
    (code) => expect(checkCreditCode(code)).toMatchObject({ valid: false, problem: 'charset', message: '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）' }),
  )

  it('refuses unknown authority and entity type codes and implausible regions', () => {
    expect(checkCreditCode('B1350100M000100Y43')).toMatchObject({ problem: 'authority', message: '统一社会信用代码第1位（登记管理部门代码）无效' })
    expect(checkCreditCode('94350100M000100Y43')).toMatchObject({ problem: 'entity_type', message: '统一社会信用代码第2位（机构类别代码）无效' })
    expect(checkCreditCode('91990100M000100Y43')).toMatchObject({ problem: 'region' })
    expect(checkCreditCode('9135A100M000100Y43')).toMatchObject({ problem: 'region' })
  })

  it('accepts the other registration authorities with a right check character', () => {
    for (const first8 of ['12150203', '51150203', '52150203', '92150203', '93150203', 'Y1150203', 'N2150203']) {
      const first17 = `${first8}MA0000001`
      expect(checkCreditCode(first17 + creditCodeCheckCharacter(first17))).toMatchObject({ valid: true })
    }
  })

  it('refuses empty and wrongly sized input', () => {
    expect(checkCreditCode(' ')).toMatchObject({ problem: 'empty', message: '请填写统一社会信用代码' })
    expect(checkCreditCode('91350100M000100Y4')).toMatchObject({ problem: 'length', message: '统一社会信用代码应为18位（当前17位）' })
  })
})
