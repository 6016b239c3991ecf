import { Type, type Static } from 'typebox'

// The one-form application (一表申请, PRODUCT.md §3): the form a guide version carries for an
// item that can be applied for online — groups of fields, each of a type a clerk knows (ID
// number, credit code, phone, dates, choices, tables of family members or shareholders), filled
// in from the applicant's profile where it can be, shown or hidden by the situation answers, and
// the guide materials to attach. The app renders it (src/components/application/), the server
// and the app validate with it (application-validation.ts), publishing checks it (guide-rules.ts).
//
// guides.ts imports this file (GuideContent.applicationForm), so the few shapes shared with it
// are restated here rather than imported: a runtime import back would be circular.

/** A field's key in the submitted values: camelCase letters and digits, e.g. `familySize`. */
export const ApplicationFieldKey = Type.String({ pattern: '^[a-z][a-zA-Z0-9]{0,39}$' })

/** A calendar date `YYYY-MM-DD` (the shape of LocalDate in guides.ts). */
const FormDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })

/** A guide material's id (the shape of Material.id in guides.ts). */
const MaterialId = Type.String({ pattern: '^[a-z0-9_-]{1,60}$' })

/**
 * When a group or field is shown: the shape of SituationCondition in guides.ts — for every
 * question named, the answer is one of the listed options; absent or null shows it always.
 */
export const ApplicationCondition = Type.Union([Type.Record(Type.String(), Type.Array(Type.String(), { minItems: 1 })), Type.Null()])
export type ApplicationCondition = Static<typeof ApplicationCondition>

/** What a field can be filled in with from the profile (我的资料) and the company acted for. */
export const PrefillSource = Type.Union([
  Type.Literal('name'),
  Type.Literal('idNumber'),
  Type.Literal('phone'),
  Type.Literal('address'),
  Type.Literal('company.name'),
  Type.Literal('company.creditCode'),
  Type.Literal('company.legalRepresentative'),
])
export type PrefillSource = Static<typeof PrefillSource>

const common = {
  key: ApplicationFieldKey,
  /** As printed on the paper form, e.g. 公民身份号码. */
  label: Type.String({ minLength: 1, maxLength: 60 }),
  required: Type.Boolean(),
  /** A line under the field (填写说明), e.g. 与户口簿一致. */
  help: Type.Optional(Type.String({ minLength: 1 })),
  placeholder: Type.Optional(Type.String({ minLength: 1 })),
}

/** Fields of the form itself (not a table's columns) may depend on the situation. */
const conditional = {
  when: Type.Optional(ApplicationCondition),
}

/** Text-like fields of the form itself may be filled in from the profile. */
const prefillable = {
  prefill: Type.Optional(PrefillSource),
  /**
   * Prefill only in these situations, e.g. the applicant's own fields only when applying for
   * oneself ({ applicant: ['self'] }); an agent's fields are prefilled instead when an agent applies.
   */
  prefillWhen: Type.Optional(ApplicationCondition),
}

/**
 * Fields refuse properties they do not know: a misspelt `requried` would otherwise make a field
 * silently optional on both the app and the server.
 */
const strict = { additionalProperties: false } as const

const lengths = {
  /** In characters (a Chinese character counts one). */
  minLength: Type.Optional(Type.Integer({ minimum: 0 })),
  maxLength: Type.Optional(Type.Integer({ minimum: 1 })),
}

const TextField = { type: Type.Literal('text'), ...common, ...lengths }
const TextareaField = { type: Type.Literal('textarea'), ...common, ...lengths }
const NumberField = {
  type: Type.Literal('number'),
  ...common,
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  /** Whole numbers only (人数, 床位数). */
  integer: Type.Optional(Type.Boolean()),
  /** Shown after the box, e.g. 万元, 平方米. */
  unit: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })),
}
const DateField = {
  type: Type.Literal('date'),
  ...common,
  min: Type.Optional(FormDate),
  max: Type.Optional(FormDate),
  /** Not after today in Asia/Shanghai (birth dates, dates something happened). */
  notInFuture: Type.Optional(Type.Boolean()),
  /** Not before today (a start date asked for). */
  notInPast: Type.Optional(Type.Boolean()),
}
const ChoiceOption = Type.Object({ value: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }), label: Type.String({ minLength: 1 }) }, { additionalProperties: false })
const ChoiceField = {
  type: Type.Literal('choice'),
  ...common,
  /** true: any number of options (checkboxes), the value is a list; false: one (radio buttons). */
  multiple: Type.Boolean(),
  options: Type.Array(ChoiceOption, { minItems: 2 }),
}
const AddressField = { type: Type.Literal('address'), ...common, maxLength: Type.Optional(Type.Integer({ minimum: 1 })) }
const IdNumberField = { type: Type.Literal('idNumber'), ...common }
const CreditCodeField = { type: Type.Literal('creditCode'), ...common }
const PhoneField = { type: Type.Literal('phone'), ...common }

/** A column of a table: a simple field, one value per row. */
export const ApplicationColumn = Type.Union([
  Type.Object(TextField, strict),
  Type.Object(NumberField, strict),
  Type.Object(DateField, strict),
  Type.Object({ ...ChoiceField, multiple: Type.Literal(false) }, strict),
  Type.Object(IdNumberField, strict),
  Type.Object(CreditCodeField, strict),
  Type.Object(PhoneField, strict),
])
export type ApplicationColumn = Static<typeof ApplicationColumn>

const TableRowsField = {
  type: Type.Literal('tableRows'),
  ...common,
  columns: Type.Array(ApplicationColumn, { minItems: 1 }),
  minRows: Type.Integer({ minimum: 0 }),
  maxRows: Type.Integer({ minimum: 1, maximum: 50 }),
}

export const ApplicationField = Type.Union([
  Type.Object({ ...TextField, ...conditional, ...prefillable }, strict),
  Type.Object({ ...TextareaField, ...conditional, ...prefillable }, strict),
  Type.Object({ ...NumberField, ...conditional }, strict),
  Type.Object({ ...DateField, ...conditional }, strict),
  Type.Object({ ...ChoiceField, ...conditional }, strict),
  Type.Object({ ...AddressField, ...conditional, ...prefillable }, strict),
  Type.Object({ ...IdNumberField, ...conditional, ...prefillable }, strict),
  Type.Object({ ...CreditCodeField, ...conditional, ...prefillable }, strict),
  Type.Object({ ...PhoneField, ...conditional, ...prefillable }, strict),
  Type.Object({ ...TableRowsField, ...conditional }, strict),
])
export type ApplicationField = Static<typeof ApplicationField>
export type ApplicationFieldType = ApplicationField['type']
export type TableRowsField = Extract<ApplicationField, { type: 'tableRows' }>
export type ChoiceField = Extract<ApplicationField, { type: 'choice' }>

export const ApplicationFieldGroup = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }),
  /** As on the paper form, e.g. 申请人基本情况. */
  title: Type.String({ minLength: 1 }),
  description: Type.Optional(Type.String({ minLength: 1 })),
  when: Type.Optional(ApplicationCondition),
  fields: Type.Array(ApplicationField, { minItems: 1 }),
})
export type ApplicationFieldGroup = Static<typeof ApplicationFieldGroup>

/**
 * The form of one guide version. Absent from a guide: the item cannot be applied for online.
 */
export const ApplicationForm = Type.Object({
  /** The paper form it stands for, e.g. 最低生活保障申请书. */
  title: Type.String({ minLength: 2 }),
  /** The guide material that filling in this form replaces (the 申请表 itself): nothing to attach for it. */
  formMaterialId: Type.Optional(MaterialId),
  /**
   * The guide materials the app asks to attach, in this order. Each keeps its own `when`, so a
   * material that does not apply to the applicant's situation is not asked for.
   */
  materialIds: Type.Array(MaterialId),
  groups: Type.Array(ApplicationFieldGroup, { minItems: 1 }),
})
export type ApplicationForm = Static<typeof ApplicationForm>

/** One cell of a table row: text, a number, or empty. */
export const ApplicationCellValue = Type.Union([Type.String(), Type.Number(), Type.Null()])
export const ApplicationTableRow = Type.Record(Type.String(), ApplicationCellValue)
export type ApplicationTableRow = Static<typeof ApplicationTableRow>

/** A field's value: text (dates `YYYY-MM-DD`, choices the option value), a number, the options of a multiple choice, table rows, or empty. */
export const ApplicationFieldValue = Type.Union([Type.String(), Type.Number(), Type.Array(Type.String()), Type.Array(ApplicationTableRow), Type.Null()])
export type ApplicationFieldValue = Static<typeof ApplicationFieldValue>

/** The values of a form, by field key. */
export const ApplicationValues = Type.Record(Type.String(), ApplicationFieldValue)
export type ApplicationValues = Static<typeof ApplicationValues>

/** A problem with one field (or table cell, see tableCellKey), in Chinese; the same on the app and the server. */
export const ApplicationFieldError = Type.Object({ fieldKey: Type.String(), message: Type.String() })
export type ApplicationFieldError = Static<typeof ApplicationFieldError>

/** The situation answers (question id → option id), as the guide page keeps them. */
export type ApplicationSituationAnswers = Readonly<Record<string, string>>

/**
 * Whether a group or field with condition `when` is shown: for every question it names, the
 * answer is one of its options. An unanswered question hides nothing (the same reading as the
 * guide's materials, src/domain/situations.ts), so a field can only be skipped by an answer.
 */
export function conditionHolds(when: ApplicationCondition | undefined, answers: ApplicationSituationAnswers): boolean {
  if (when === undefined || when === null) return true
  return Object.entries(when).every(([questionId, options]) => {
    const answer = answers[questionId]
    return answer === undefined || options.includes(answer)
  })
}

/** The groups shown for `answers`, each with only its shown fields; groups left empty are dropped. */
export function visibleGroups(form: ApplicationForm, answers: ApplicationSituationAnswers): ApplicationFieldGroup[] {
  return form.groups
    .filter((group) => conditionHolds(group.when, answers))
    .map((group) => ({ ...group, fields: group.fields.filter((field) => conditionHolds(field.when, answers)) }))
    .filter((group) => group.fields.length > 0)
}

/** Every field of the form, shown or not, in order. */
export function allFields(form: ApplicationForm): ApplicationField[] {
  return form.groups.flatMap((group) => group.fields)
}

/** The key of one table cell in errors and element ids: `members[0].idNumber`. */
export function tableCellKey(tableKey: string, rowIndex: number, columnKey: string): string {
  return `${tableKey}[${rowIndex}].${columnKey}`
}

/** The applicant's reusable data a form is filled in from; any part may be missing. */
export interface ApplicantPrefill {
  name?: string | null
  idNumber?: string | null
  phone?: string | null
  address?: string | null
  /** The company the applicant acts for in this application, when they act for one. */
  company?: { name: string; creditCode: string; legalRepresentative: string } | null
}

/** The profile's value for `source`, or null when the profile does not have it. */
export function prefillValue(profile: ApplicantPrefill, source: PrefillSource): string | null {
  const value = source.startsWith('company.')
    ? profile.company?.[source.slice('company.'.length) as 'name' | 'creditCode' | 'legalRepresentative']
    : profile[source as 'name' | 'idNumber' | 'phone' | 'address']
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** Whether a value counts as not filled in: absent, null, blank text or an empty list. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)
}

/** A field that can be filled in from the profile. */
export type PrefillableField = Extract<ApplicationField, { type: 'text' | 'textarea' | 'address' | 'idNumber' | 'creditCode' | 'phone' }>

/** Whether `field` is filled in from the profile. */
export function isPrefillable(field: ApplicationField): field is PrefillableField & { prefill: PrefillSource } {
  return 'prefill' in field && field.prefill !== undefined
}

/**
 * Fills empty fields from the profile — only fields shown for `answers` whose `prefillWhen`
 * holds — and never overwrites what the applicant typed. `previous` is what an earlier call
 * answered as `prefilled`: a field it filled whose prefill no longer applies (the applicant
 * changed "本人" to "代办") is emptied again if still unchanged, so an agent's own name does not
 * stay in the applicant's box. Answers the new values and the fields now holding prefilled values.
 */
export function prefillApplicationValues(
  form: ApplicationForm,
  values: ApplicationValues,
  profile: ApplicantPrefill,
  answers: ApplicationSituationAnswers = {},
  previous: Readonly<Record<string, string>> = {},
): { values: ApplicationValues; prefilled: Record<string, string> } {
  const next: ApplicationValues = { ...values }
  const prefilled: Record<string, string> = {}
  for (const group of form.groups) {
    for (const field of group.fields) {
      if (!isPrefillable(field)) continue
      const unchanged = previous[field.key] !== undefined && next[field.key] === previous[field.key]
      const applies = conditionHolds(group.when, answers) && conditionHolds(field.when, answers) && conditionHolds(field.prefillWhen, answers)
      if (!applies) {
        if (unchanged) next[field.key] = null
        continue
      }
      if (unchanged) {
        prefilled[field.key] = previous[field.key]!
        continue
      }
      if (!isEmptyValue(next[field.key])) continue
      const value = prefillValue(profile, field.prefill)
      if (value === null) continue
      next[field.key] = value
      prefilled[field.key] = value
    }
  }
  return { values: next, prefilled }
}
