import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { ApplicationForm, conditionHolds, prefillApplicationValues, prefillValue, tableCellKey, visibleGroups } from '../../../contract/application-form.ts'
import { GuideContent } from '../../../contract/guides.ts'
import { makeApplicationForm, VALID_CREDIT_CODE, VALID_ID } from './application-form-factory.ts'

const profile = {
  name: '王芳',
  idNumber: VALID_ID,
  phone: '13812345678',
  address: null,
  company: { name: '包头市示例商贸有限公司', creditCode: VALID_CREDIT_CODE, legalRepresentative: '王芳' },
}

describe('the schema', () => {
  it('refuses unknown field types and properties, a multiple choice as a table column, keys that are not camelCase', () => {
    const form = makeApplicationForm()
    const broken = (change: (copy: ApplicationForm) => void) => {
      const copy = structuredClone(form)
      change(copy)
      return Value.Check(ApplicationForm, copy)
    }
    expect(broken(() => undefined)).toBe(true)
    expect(broken((copy) => ((copy.groups[0]!.fields[0] as { type: string }).type = 'signature'))).toBe(false)
    expect(broken((copy) => ((copy.groups[0]!.fields[0] as { key: string }).key = 'applicant-name'))).toBe(false)
    expect(
      broken((copy) => {
        const table = copy.groups[2]!.fields[0]!
        if (table.type === 'tableRows') (table.columns[1] as { multiple: boolean }).multiple = true
      }),
    ).toBe(false)
    expect(broken((copy) => ((copy.groups[0]!.fields[0] as { prefill: string }).prefill = 'company.address'))).toBe(false)
    // Only text-like fields are prefilled: a number is not in the profile.
    expect(broken((copy) => Object.assign(copy.groups[0]!.fields[5]!, { prefill: 'name' }))).toBe(false)
    // A misspelt property is refused rather than ignored.
    expect(broken((copy) => Object.assign(copy.groups[0]!.fields[0]!, { requried: false }))).toBe(false)
  })

  it('is an optional part of a guide: absent means the item cannot be applied for online', () => {
    const properties = (GuideContent as unknown as { properties: Record<string, unknown>; required: string[] })
    expect(properties.properties).toHaveProperty('applicationForm')
    expect(properties.required).not.toContain('applicationForm')
  })
})

describe('conditions', () => {
  it('reads a condition as the guide page does: an unanswered question hides nothing', () => {
    expect(conditionHolds(undefined, {})).toBe(true)
    expect(conditionHolds(null, { applicant: 'self' })).toBe(true)
    expect(conditionHolds({ applicant: ['agent'] }, { applicant: 'self' })).toBe(false)
    expect(conditionHolds({ applicant: ['agent'] }, { applicant: 'agent' })).toBe(true)
    expect(conditionHolds({ applicant: ['agent'] }, {})).toBe(true)
    expect(conditionHolds({ applicant: ['agent'], employment: ['employed'] }, { applicant: 'agent', employment: 'unemployed' })).toBe(false)
  })

  it('drops hidden groups and fields, and groups left with no field', () => {
    const form = makeApplicationForm()
    expect(visibleGroups(form, { applicant: 'self', employment: 'unemployed' }).map((group) => group.id)).toEqual(['applicant', 'family'])
    expect(visibleGroups(form, { applicant: 'self', employment: 'unemployed' })[0]!.fields.map((field) => field.key)).not.toContain('employerCode')
    expect(visibleGroups(form, { applicant: 'agent' }).map((group) => group.id)).toEqual(['applicant', 'agent', 'family'])
  })
})

describe('prefill from the profile', () => {
  it('reads each source, company ones from the company acted for', () => {
    expect(prefillValue(profile, 'name')).toBe('王芳')
    expect(prefillValue(profile, 'company.creditCode')).toBe(VALID_CREDIT_CODE)
    expect(prefillValue(profile, 'address')).toBeNull()
    expect(prefillValue({ name: '  ' }, 'name')).toBeNull()
    expect(prefillValue({ company: null }, 'company.name')).toBeNull()
  })

  it('fills empty fields only, never what the applicant typed', () => {
    const { values, prefilled } = prefillApplicationValues(makeApplicationForm(), { name: '李四', phone: '' }, profile, { applicant: 'self' })
    expect(values).toEqual({ name: '李四', idNumber: VALID_ID, phone: '13812345678' })
    expect(prefilled).toEqual({ idNumber: VALID_ID, phone: '13812345678' })
  })

  it('fills the agent’s fields instead of the applicant’s when an agent applies', () => {
    const { values } = prefillApplicationValues(makeApplicationForm(), {}, profile, { applicant: 'agent' })
    expect(values).toEqual({ phone: '13812345678', agentName: '王芳' })
  })

  it('empties what it filled, if unchanged, when the situation no longer asks for it', () => {
    const form = makeApplicationForm()
    const first = prefillApplicationValues(form, {}, profile, { applicant: 'self' })
    const typedOver = { ...first.values, idNumber: '150203201809010021' }
    const second = prefillApplicationValues(form, typedOver, profile, { applicant: 'agent' }, first.prefilled)
    expect(second.values).toEqual({ name: null, idNumber: '150203201809010021', phone: '13812345678', agentName: '王芳' })
    expect(second.prefilled).toEqual({ phone: '13812345678', agentName: '王芳' })
  })
})

it('names table cells as key[row].column', () => {
  expect(tableCellKey('members', 2, 'idNumber')).toBe('members[2].idNumber')
})
