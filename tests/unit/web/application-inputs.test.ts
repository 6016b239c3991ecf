import { describe, expect, it } from 'vitest'
import type { ApplicationField } from '../../../contract/application-form.ts'
import { applicationControlId, inputText, toggledChoice, valueFromInput } from '../../../src/domain/application-inputs.ts'

const numberField: ApplicationField = { type: 'number', key: 'familySize', label: '家庭人口', required: true }
const textField: ApplicationField = { type: 'text', key: 'name', label: '姓名', required: true }

describe('application inputs', () => {
  it('names controls by field key, table cells by table, row and column', () => {
    expect(applicationControlId('application', 'familySize')).toBe('application-familySize')
    expect(applicationControlId('application', 'members[12].idNumber')).toBe('application-members-12-idNumber')
  })

  it('reads a box: empty is null, a number field’s number is a number, anything else stays text', () => {
    expect(valueFromInput(numberField, ' 3 ')).toBe(3)
    expect(valueFromInput(numberField, '2.5')).toBe(2.5)
    expect(valueFromInput(numberField, '三')).toBe('三')
    expect(valueFromInput(numberField, '  ')).toBeNull()
    expect(valueFromInput(textField, '007')).toBe('007')
    expect(inputText(3)).toBe('3')
    expect(inputText(null)).toBe('')
    expect(inputText(['a'])).toBe('')
  })

  it('keeps a multiple choice in the options’ order, each once', () => {
    const options = [{ value: 'a' }, { value: 'b' }, { value: 'c' }]
    expect(toggledChoice(options, ['c'], 'a', true)).toEqual(['a', 'c'])
    expect(toggledChoice(options, ['a', 'c'], 'a', false)).toEqual(['c'])
    expect(toggledChoice(options, 'junk', 'b', true)).toEqual(['b'])
  })
})
