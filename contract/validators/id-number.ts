import { isLocalDate, shanghaiToday } from '../local-date.ts'

// The 18-character citizen identity number (公民身份号码) of GB 11643-1999: a 6-digit address
// code, the birth date YYYYMMDD, a 3-digit sequence (odd for men, even for women) and a check
// character computed with ISO 7064 MOD 11-2. Framework-free: the app and the server give the
// same answer and the same Chinese message.

/** Why a number was refused; `message` says it in Chinese. */
export type IdNumberProblem = 'empty' | 'length' | 'format' | 'region' | 'birth_date' | 'birth_date_future' | 'birth_date_before_1900' | 'check_character'

export type IdNumberCheck =
  | {
      valid: true
      /** The number as stored: 18 characters, a final x upper-cased, spaces removed. */
      idNumber: string
      /** `YYYY-MM-DD`. */
      birthDate: string
      sex: 'male' | 'female'
      /** The 6-digit address code of where the number was first issued. */
      regionCode: string
    }
  | { valid: false; problem: IdNumberProblem; message: string }

export interface IdNumberOptions {
  /** Today in Asia/Shanghai (`YYYY-MM-DD`), for the "not born in the future" rule. @default shanghaiToday() */
  today?: string
  /** Refuse numbers whose first two digits are no province-level code. @default true */
  checkRegion?: boolean
}

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const checkCharacters = '10X98765432'

/**
 * Province-level codes of GB/T 2260 (11–65), Taiwan (71), and the 81/82/83 that residence permits
 * of Hong Kong, Macao and Taiwan residents use; 91 starts the permanent-residence ID cards of
 * foreigners issued since 2023, which keep the same 18-character layout.
 */
const provinceCodes = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83', '91',
])

const messages: Record<IdNumberProblem, string> = {
  empty: '请填写身份证号码',
  length: '身份证号码应为18位',
  format: '身份证号码前17位应为数字，最后一位为数字或X',
  region: '身份证号码前两位不是有效的省级行政区划代码',
  birth_date: '身份证号码中的出生日期无效',
  birth_date_future: '身份证号码中的出生日期晚于今天',
  birth_date_before_1900: '身份证号码中的出生日期早于1900年',
  check_character: '身份证号码校验位不正确，请逐位核对',
}

const refuse = (problem: IdNumberProblem): IdNumberCheck => ({ valid: false, problem, message: messages[problem] })

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * weights[index]!
  return checkCharacters[sum % 11]!
}

/** Spaces a citizen may type or paste between groups of digits; nothing else is forgiven. */
export function normalizeIdNumber(input: string): string {
  return input.replace(/[\s\u3000]/g, '').toUpperCase()
}

/**
 * Checks a resident identity number as a clerk would: 18 characters, digits with a final digit
 * or X (a lower-case x is accepted and upper-cased), a plausible province code, a real birth date
 * from 1900 up to today, and the check character. 15-digit numbers of the first generation
 * expired in 2013 and are refused with the length message.
 */
export function checkIdNumber(input: string, options: IdNumberOptions = {}): IdNumberCheck {
  const idNumber = normalizeIdNumber(input)
  if (idNumber === '') return refuse('empty')
  if (idNumber.length !== 18) return { valid: false, problem: 'length', message: `${messages.length}（当前${idNumber.length}位）` }
  if (!/^\d{17}[\dX]$/.test(idNumber)) return refuse('format')
  if ((options.checkRegion ?? true) && !provinceCodes.has(idNumber.slice(0, 2))) return refuse('region')

  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`
  if (!isLocalDate(birthDate)) return refuse('birth_date')
  if (birthDate < '1900-01-01') return refuse('birth_date_before_1900')
  if (birthDate > (options.today ?? shanghaiToday())) return refuse('birth_date_future')

  if (idNumberCheckCharacter(idNumber) !== idNumber[17]) return refuse('check_character')
  return {
    valid: true,
    idNumber,
    birthDate,
    sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: idNumber.slice(0, 6),
  }
}
