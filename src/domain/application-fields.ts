import type { ApplicationColumn, ApplicationField } from '../../contract/application-form.ts'
import { formatLocalDateChinese } from '../../contract/local-date.ts'
import { maskIdNumber } from '../../contract/validators/masking.ts'

/** A value as the citizen reads it on 核对信息: choices by their labels, dates in Chinese, ID numbers masked unless asked. */
export function displayValue(field: ApplicationField | ApplicationColumn, value: unknown, options: { revealIdNumbers?: boolean } = {}): string | null {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null
  switch (field.type) {
    case 'choice': {
      const chosen = Array.isArray(value) ? value : [value]
      return chosen.map((option) => field.options.find((candidate) => candidate.value === option)?.label ?? String(option)).join('、')
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatLocalDateChinese(value) : String(value)
    case 'idNumber':
      return options.revealIdNumbers ? String(value) : maskIdNumber(String(value))
    case 'number':
      return field.unit ? `${value} ${field.unit}` : String(value)
    default:
      return String(value)
  }
}
