import {
  isEmptyValue,
  visibleGroups,
  tableCellKey,
  type ApplicationColumn,
  type ApplicationField,
  type ApplicationFieldError,
  type ApplicationForm,
  type ApplicationSituationAnswers,
  type ApplicationTableRow,
  type ApplicationValues,
  type TableRowsField,
} from './application-form.ts'
import { formatLocalDateChinese, isLocalDate, shanghaiToday } from './local-date.ts'
import { checkCreditCode } from './validators/credit-code.ts'
import { checkIdNumber } from './validators/id-number.ts'
import { checkMobile } from './validators/mobile.ts'

// Validation of a one-form application as a clerk would check the paper form: required fields,
// lengths, ranges, dates, choices, ID numbers (GB 11643), credit codes (GB 32100) and mobile
// numbers, table rows cell by cell. The app shows these messages next to each field and in the
// summary; the server refuses a submission with exactly the same list. Fields hidden by the
// situation answers are neither required nor kept.

export interface ApplicationValidationOptions {
  /** Today in Asia/Shanghai (`YYYY-MM-DD`), for "not in the future" and birth dates. @default shanghaiToday() */
  today?: string
}

type SimpleField = Exclude<ApplicationField, { type: 'tableRows' }> | ApplicationColumn
type SimpleValue = string | number | string[] | null

/** A field's value read: normalised when valid, with the message when not. */
interface Reading {
  value: SimpleValue
  message: string | null
}

const quoted = (label: string) => `“${label}”`
const characters = (text: string) => [...text].length
const ok = (value: SimpleValue): Reading => ({ value, message: null })
const problem = (message: string): Reading => ({ value: null, message })

function requiredMessage(field: SimpleField): string {
  return field.type === 'choice' || field.type === 'date' ? `请选择${quoted(field.label)}` : `请填写${quoted(field.label)}`
}

function readText(field: Extract<SimpleField, { type: 'text' | 'textarea' | 'address' }>, raw: string): Reading {
  const text = raw.trim()
  const length = characters(text)
  const minLength = 'minLength' in field ? field.minLength : undefined
  if (minLength !== undefined && length < minLength) return problem(`${quoted(field.label)}至少填写${minLength}个字`)
  if (field.maxLength !== undefined && length > field.maxLength) return problem(`${quoted(field.label)}不能超过${field.maxLength}个字（当前${length}个字）`)
  return ok(text)
}

function readNumber(field: Extract<SimpleField, { type: 'number' }>, raw: string | number): Reading {
  const text = typeof raw === 'number' ? String(raw) : raw.trim()
  if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(Number(text))) return problem(`${quoted(field.label)}应为数字`)
  const value = Number(text)
  if (field.integer && !Number.isInteger(value)) return problem(`${quoted(field.label)}应为整数`)
  if (field.min !== undefined && value < field.min) return problem(`${quoted(field.label)}不能小于${field.min}`)
  if (field.max !== undefined && value > field.max) return problem(`${quoted(field.label)}不能大于${field.max}`)
  return ok(value)
}

function readDate(field: Extract<SimpleField, { type: 'date' }>, raw: string, today: string): Reading {
  const date = raw.trim()
  if (!isLocalDate(date)) return problem(`${quoted(field.label)}不是有效日期`)
  if (field.notInFuture && date > today) return problem(`${quoted(field.label)}不能晚于今天`)
  if (field.notInPast && date < today) return problem(`${quoted(field.label)}不能早于今天`)
  if (field.min !== undefined && date < field.min) return problem(`${quoted(field.label)}不能早于${formatLocalDateChinese(field.min)}`)
  if (field.max !== undefined && date > field.max) return problem(`${quoted(field.label)}不能晚于${formatLocalDateChinese(field.max)}`)
  return ok(date)
}

function readChoice(field: Extract<SimpleField, { type: 'choice' }>, raw: unknown): Reading {
  const known = new Set(field.options.map((option) => option.value))
  if (!field.multiple) {
    return typeof raw === 'string' && known.has(raw) ? ok(raw) : problem(`${quoted(field.label)}的选项无效`)
  }
  if (!Array.isArray(raw) || raw.some((value) => typeof value !== 'string' || !known.has(value))) return problem(`${quoted(field.label)}的选项无效`)
  // Stored in the form's order, each once, whatever order they were ticked in.
  return ok(field.options.map((option) => option.value).filter((value) => raw.includes(value)))
}

/** Reads one simple field's raw value: empty, valid (normalised) or with its message. */
function readSimple(field: SimpleField, raw: unknown, today: string): Reading {
  if (isEmptyValue(raw)) return field.required ? problem(requiredMessage(field)) : ok(null)
  if (field.type === 'choice') return readChoice(field, raw)
  const isText = typeof raw === 'string'
  if (field.type === 'number') return isText || typeof raw === 'number' ? readNumber(field, raw) : problem(`${quoted(field.label)}应为数字`)
  if (!isText) return problem(`${quoted(field.label)}的填写内容无效`)
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'address':
      return readText(field, raw)
    case 'date':
      return readDate(field, raw, today)
    case 'idNumber': {
      const check = checkIdNumber(raw, { today })
      return check.valid ? ok(check.idNumber) : problem(`${quoted(field.label)}：${check.message}`)
    }
    case 'creditCode': {
      const check = checkCreditCode(raw)
      return check.valid ? ok(check.creditCode) : problem(`${quoted(field.label)}：${check.message}`)
    }
    case 'phone': {
      const check = checkMobile(raw)
      return check.valid ? ok(check.mobile) : problem(`${quoted(field.label)}：${check.message}`)
    }
  }
}

interface TableReading {
  rows: ApplicationTableRow[]
  errors: ApplicationFieldError[]
}

/** What a table cell's message starts with, `“共同生活家庭成员”第2行：`; the app leaves it out beside the cell itself. */
export function tableRowMessagePrefix(tableLabel: string, rowIndex: number): string {
  return `${quoted(tableLabel)}第${rowIndex + 1}行：`
}

const isBlankRow = (row: unknown) => typeof row === 'object' && row !== null && Object.values(row).every(isEmptyValue)

/** Reads table rows: rows left wholly blank are ignored; each other row is checked cell by cell. */
function readTable(field: TableRowsField, raw: unknown, today: string): TableReading {
  if (!isEmptyValue(raw) && (!Array.isArray(raw) || raw.some((row) => typeof row !== 'object' || row === null || Array.isArray(row)))) {
    return { rows: [], errors: [{ fieldKey: field.key, message: `${quoted(field.label)}的填写内容无效` }] }
  }
  const entries = ((raw as Record<string, unknown>[] | null | undefined) ?? []).map((row, index) => ({ row, index })).filter(({ row }) => !isBlankRow(row))
  const errors: ApplicationFieldError[] = []
  const count = entries.length
  // minRows applies once the table is started; `required` asks for at least one row (or minRows).
  if (count === 0 && field.required) errors.push({ fieldKey: field.key, message: `请至少填写${Math.max(1, field.minRows)}行${quoted(field.label)}` })
  if (count > 0 && count < field.minRows) errors.push({ fieldKey: field.key, message: `${quoted(field.label)}至少填写${field.minRows}行` })
  if (count > field.maxRows) errors.push({ fieldKey: field.key, message: `${quoted(field.label)}最多填写${field.maxRows}行` })

  const rows: ApplicationTableRow[] = []
  for (const { row, index } of entries) {
    const kept: ApplicationTableRow = {}
    for (const column of field.columns) {
      const reading = readSimple(column, row[column.key], today)
      if (reading.message !== null) {
        errors.push({ fieldKey: tableCellKey(field.key, index, column.key), message: `${tableRowMessagePrefix(field.label, index)}${reading.message}` })
      }
      kept[column.key] = reading.value as string | number | null
    }
    rows.push(kept)
  }
  return { rows, errors }
}

/**
 * Every problem with `values` against `form` for the applicant's situation, in the form's order:
 * `{ fieldKey, message }`, the key being the field's, or tableCellKey(…) for a table cell. Fields
 * and groups hidden by `situationAnswers` are skipped; keys the form does not have are ignored.
 * An empty list means the application can be sent.
 */
export function validateApplication(
  form: ApplicationForm,
  values: Readonly<Record<string, unknown>>,
  situationAnswers: ApplicationSituationAnswers,
  options: ApplicationValidationOptions = {},
): ApplicationFieldError[] {
  const today = options.today ?? shanghaiToday()
  const errors: ApplicationFieldError[] = []
  for (const group of visibleGroups(form, situationAnswers)) {
    for (const field of group.fields) {
      if (field.type === 'tableRows') {
        errors.push(...readTable(field, values[field.key], today).errors)
        continue
      }
      const { message } = readSimple(field, values[field.key], today)
      if (message !== null) errors.push({ fieldKey: field.key, message })
    }
  }
  return errors
}

/**
 * What is stored of valid `values`: only the fields shown for `situationAnswers`, normalised
 * (text trimmed, ID numbers and credit codes upper-cased, mobile numbers as 11 digits, numbers as
 * numbers, blank table rows dropped, empty fields as null). Call it after validateApplication
 * found nothing.
 */
export function keptApplicationValues(
  form: ApplicationForm,
  values: Readonly<Record<string, unknown>>,
  situationAnswers: ApplicationSituationAnswers,
  options: ApplicationValidationOptions = {},
): ApplicationValues {
  const today = options.today ?? shanghaiToday()
  const kept: ApplicationValues = {}
  for (const group of visibleGroups(form, situationAnswers)) {
    for (const field of group.fields) {
      kept[field.key] = field.type === 'tableRows' ? readTable(field, values[field.key], today).rows : readSimple(field, values[field.key], today).value
    }
  }
  return kept
}
