// How the one-form application's controls map to the form's values and element ids: framework-
// free, so the renderer (src/components/application/) and its tests read them the same way.
import type { ApplicationColumn, ApplicationField, ApplicationFieldValue } from '../../contract/application-form.ts'

type SimpleField = Exclude<ApplicationField, { type: 'tableRows' }> | ApplicationColumn

/**
 * The element id of a field's control, or of a table cell's (`members[1].name` →
 * `application-members-1-name`): what error-summary links point at.
 */
export function applicationControlId(idPrefix: string, fieldKey: string): string {
  return `${idPrefix}-${fieldKey.replace(/\[(\d+)\]\./g, '-$1-').replace(/[^A-Za-z0-9_-]/g, '-')}`
}

/** The text a box shows for a value. */
export function inputText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

/**
 * The value a box's text stands for: empty is null; a number field's text becomes a number when
 * it is one, and stays text otherwise so validation can say "应为数字".
 */
export function valueFromInput(field: SimpleField, text: string): ApplicationFieldValue {
  if (text.trim() === '') return null
  if (field.type === 'number' && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim())
  return text
}

/** The values of a multiple choice after ticking or unticking `option`, in the form's order. */
export function toggledChoice(options: readonly { value: string }[], current: unknown, option: string, checked: boolean): string[] {
  const chosen = new Set(Array.isArray(current) ? current.filter((value): value is string => typeof value === 'string') : [])
  if (checked) chosen.add(option)
  else chosen.delete(option)
  return options.map((candidate) => candidate.value).filter((value) => chosen.has(value))
}
