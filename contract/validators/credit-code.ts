// The 18-character unified social credit code (统一社会信用代码) of GB 32100-2015: a registration
// authority code, an entity type code, the 6-digit administrative region code, the 9-character
// organisation code (GB 11714) and a check character computed modulo 31. Its alphabet is the
// digits and the capital letters except I, O, Z, S and V. Framework-free, shared by app and server.

export type CreditCodeProblem = 'empty' | 'length' | 'charset' | 'authority' | 'entity_type' | 'region' | 'check_character'

export type CreditCodeCheck =
  | {
      valid: true
      /** The code as stored: upper case, spaces removed. */
      creditCode: string
      /** 登记管理部门码, e.g. 9 工商. */
      authority: string
      /** 机构类别码, e.g. 1 企业 under authority 9. */
      entityType: string
      regionCode: string
      /** The GB 11714 organisation code inside the credit code. */
      organizationCode: string
    }
  | { valid: false; problem: CreditCodeProblem; message: string }

/** The 31 characters of GB 32100, in the order that gives each its value 0–30. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/**
 * Registration authorities (first character) and the entity types each may give (second
 * character), from GB 32100-2015 Appendix A and the later additions (A 中央军委改革和编制办公室,
 * N 农业农村 for rural collective economic organisations).
 */
const entityTypesByAuthority: Record<string, string> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 编办直管的群众团体, 其他
  '2': '19', // 外交: 外国常驻新闻机构, 其他
  '3': '123459', // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
  '4': '19', // 文化: 外国在华文化中心, 其他
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游: 外国及港澳台旅游部门常驻代表机构, 其他
  '7': '129', // 宗教: 宗教活动场所, 宗教院校, 其他
  '8': '19', // 工会: 基层工会, 其他
  '9': '123', // 工商: 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室: 军队事业单位, 其他
  N: '1239', // 农业农村: 组级, 村级, 乡镇级集体经济组织, 其他
  Y: '1', // 其他
}

const provinceCodes = new Set([
  '10', // national-level registrations (e.g. 91100000… of the central enterprises)
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
])

const messages: Record<CreditCodeProblem, string> = {
  empty: '请填写统一社会信用代码',
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）',
  authority: '统一社会信用代码第1位（登记管理部门代码）无效',
  entity_type: '统一社会信用代码第2位（机构类别代码）无效',
  region: '统一社会信用代码第3至8位不是有效的行政区划代码',
  check_character: '统一社会信用代码校验位不正确，请逐位核对',
}

const refuse = (problem: CreditCodeProblem): CreditCodeCheck => ({ valid: false, problem, message: messages[problem] })

/** The check character of the first 17 characters (which must be in CREDIT_CODE_ALPHABET). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0
  for (let index = 0; index < 17; index += 1) sum += CREDIT_CODE_ALPHABET.indexOf(first17[index]!) * weights[index]!
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!
}

export function normalizeCreditCode(input: string): string {
  return input.replace(/[\s\u3000]/g, '').toUpperCase()
}

/**
 * Checks a unified social credit code: length, alphabet, authority and entity type codes, a
 * plausible province in the region code, and the check character. The organisation code's own
 * GB 11714 check digit is not judged: the credit code's check character already covers it.
 */
export function checkCreditCode(input: string): CreditCodeCheck {
  const creditCode = normalizeCreditCode(input)
  if (creditCode === '') return refuse('empty')
  if (creditCode.length !== 18) return { valid: false, problem: 'length', message: `${messages.length}（当前${creditCode.length}位）` }
  if ([...creditCode].some((character) => !CREDIT_CODE_ALPHABET.includes(character))) return refuse('charset')
  const entityTypes = entityTypesByAuthority[creditCode[0]!]
  if (entityTypes === undefined) return refuse('authority')
  if (!entityTypes.includes(creditCode[1]!)) return refuse('entity_type')
  if (!/^\d{6}$/.test(creditCode.slice(2, 8)) || !provinceCodes.has(creditCode.slice(2, 4))) return refuse('region')
  if (creditCodeCheckCharacter(creditCode) !== creditCode[17]) return refuse('check_character')
  return {
    valid: true,
    creditCode,
    authority: creditCode[0]!,
    entityType: creditCode[1]!,
    regionCode: creditCode.slice(2, 8),
    organizationCode: creditCode.slice(8, 17),
  }
}
