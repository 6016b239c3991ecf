// Mainland China mobile numbers: 11 digits, 1 then 3–9 (every segment the carriers use today,
// including 19x and the 16x/17x of virtual operators). What people type around them — spaces,
// dashes, brackets, a +86 / 0086 / 86 country prefix — is forgiven and dropped.

export type MobileProblem = 'empty' | 'format'

export type MobileCheck = { valid: true; mobile: string } | { valid: false; problem: MobileProblem; message: string }

const messages: Record<MobileProblem, string> = {
  empty: '请填写手机号码',
  format: '手机号码应为以1开头的11位数字',
}

/** The digits of a typed number without separators and without the country prefix. */
export function normalizeMobile(input: string): string {
  const compact = input.replace(/[\s\u3000()（）\-‐–—.]/g, '')
  return compact.replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '')
}

/** Checks a mainland mobile number; the valid answer carries the bare 11 digits to store. */
export function checkMobile(input: string): MobileCheck {
  const mobile = normalizeMobile(input)
  if (mobile === '') return { valid: false, problem: 'empty', message: messages.empty }
  if (!/^1[3-9]\d{9}$/.test(mobile)) return { valid: false, problem: 'format', message: messages.format }
  return { valid: true, mobile }
}
