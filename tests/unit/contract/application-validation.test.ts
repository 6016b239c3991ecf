import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { ApplicationForm } from '../../../contract/application-form.ts'
import { keptApplicationValues, validateApplication } from '../../../contract/application-validation.ts'
import { makeApplicationForm, TODAY, VALID_CHILD_ID, VALID_CREDIT_CODE, VALID_ID, validValues } from './application-form-factory.ts'

const form = makeApplicationForm()
const self = { applicant: 'self', employment: 'unemployed' }
const validate = (changes: Record<string, unknown>, answers: Record<string, string> = self) =>
  validateApplication(form, { ...validValues(), ...changes }, answers, { today: TODAY })
const messageFor = (key: string, changes: Record<string, unknown>, answers?: Record<string, string>) =>
  validate(changes, answers).find((error) => error.fieldKey === key)?.message

it('the test form is a valid ApplicationForm', () => {
  expect(Value.Check(ApplicationForm, form)).toBe(true)
})

it('finds nothing wrong with complete, valid values', () => {
  expect(validate({})).toEqual([])
})

describe('required fields', () => {
  it('asks for every required field left empty, in the form’s order, with 请填写 or 请选择', () => {
    expect(validateApplication(form, {}, self, { today: TODAY })).toEqual([
      { fieldKey: 'name', message: '请填写“申请人姓名”' },
      { fieldKey: 'idNumber', message: '请填写“公民身份号码”' },
      { fieldKey: 'phone', message: '请填写“联系电话”' },
      { fieldKey: 'address', message: '请填写“户籍地址”' },
      { fieldKey: 'familySize', message: '请填写“家庭人口”' },
      { fieldKey: 'health', message: '请选择“健康状况”' },
      { fieldKey: 'reason', message: '请填写“申请理由”' },
      { fieldKey: 'members', message: '请至少填写1行“共同生活家庭成员”' },
    ])
  })

  it('treats blank text, null and an empty list as empty; optional fields may stay empty', () => {
    expect(messageFor('name', { name: '   ' })).toBe('请填写“申请人姓名”')
    expect(messageFor('health', { health: null })).toBe('请选择“健康状况”')
    expect(validate({ hardshipDate: '', incomeSources: [], employerCode: null })).toEqual([])
  })
})

describe('text, textarea and address', () => {
  it('counts characters, a Chinese character as one', () => {
    expect(messageFor('reason', { reason: '家庭困难' })).toBe('“申请理由”至少填写10个字')
    expect(messageFor('name', { name: '王'.repeat(21) })).toBe('“申请人姓名”不能超过20个字（当前21个字）')
    expect(validate({ name: '王'.repeat(20) })).toEqual([])
    expect(messageFor('address', { address: '路'.repeat(101) })).toBe('“户籍地址”不能超过100个字（当前101个字）')
  })

  it('refuses a value of the wrong kind', () => {
    expect(messageFor('name', { name: 42 })).toBe('“申请人姓名”的填写内容无效')
  })
})

describe('number', () => {
  it.each([
    ['abc', '“家庭人口”应为数字'],
    ['1e3', '“家庭人口”应为数字'],
    [2.5, '“家庭人口”应为整数'],
    [0, '“家庭人口”不能小于1'],
    ['21', '“家庭人口”不能大于20'],
    [true, '“家庭人口”应为数字'],
  ])('%s → %s', (familySize, message) => {
    expect(messageFor('familySize', { familySize })).toBe(message)
  })

  it('accepts a number typed as text and keeps it as a number', () => {
    expect(validate({ familySize: ' 3 ' })).toEqual([])
    expect(keptApplicationValues(form, { ...validValues(), familySize: ' 3 ' }, self, { today: TODAY }).familySize).toBe(3)
  })
})

describe('date', () => {
  it.each([
    ['2026-02-30', '“困难发生日期”不是有效日期'],
    ['2026/03/01', '“困难发生日期”不是有效日期'],
    ['2026-11-26', '“困难发生日期”不能晚于今天'],
    ['2019-12-31', '“困难发生日期”不能早于2020年1月1日'],
  ])('%s → %s', (hardshipDate, message) => {
    expect(messageFor('hardshipDate', { hardshipDate })).toBe(message)
  })

  it('accepts today itself for a date not in the future, and refuses yesterday for one not in the past', () => {
    expect(validate({ hardshipDate: TODAY })).toEqual([])
    const agent = { applicant: 'agent', employment: 'unemployed' }
    const base = { agentName: '李四', agentIdNumber: VALID_ID }
    expect(messageFor('entrustedUntil', { ...base, entrustedUntil: '2026-11-24' }, agent)).toBe('“委托截止日期”不能早于今天')
    expect(validate({ ...base, entrustedUntil: TODAY }, agent)).toEqual([])
  })

  it('reads today in Asia/Shanghai when no date is given', () => {
    expect(validateApplication(form, { ...validValues(), hardshipDate: '2099-01-01' }, self)).toEqual([
      { fieldKey: 'hardshipDate', message: '“困难发生日期”不能晚于今天' },
    ])
  })
})

describe('choice', () => {
  it('takes one known option for a single choice', () => {
    expect(messageFor('health', { health: 'unknown' })).toBe('“健康状况”的选项无效')
    expect(messageFor('health', { health: ['chronic'] })).toBe('“健康状况”的选项无效')
  })

  it('takes a list of known options for a multiple choice, kept in the form’s order', () => {
    expect(messageFor('incomeSources', { incomeSources: ['wages', 'lottery'] })).toBe('“收入来源”的选项无效')
    expect(messageFor('incomeSources', { incomeSources: 'wages' })).toBe('“收入来源”的选项无效')
    const kept = keptApplicationValues(form, { ...validValues(), incomeSources: ['pension', 'wages', 'pension'] }, self, { today: TODAY })
    expect(kept.incomeSources).toEqual(['wages', 'pension'])
  })
})

describe('ID number, credit code and phone', () => {
  it('gives the validators’ messages after the field’s label', () => {
    expect(messageFor('idNumber', { idNumber: '11010519491231003X' })).toBe('“公民身份号码”：身份证号码校验位不正确，请逐位核对')
    expect(messageFor('idNumber', { idNumber: '1101051949123100' })).toBe('“公民身份号码”：身份证号码应为18位（当前16位）')
    expect(messageFor('phone', { phone: '1381234567' })).toBe('“联系电话”：手机号码应为以1开头的11位数字')
    const employed = { applicant: 'self', employment: 'employed' }
    expect(messageFor('employerCode', { employerCode: '91350100M000100Y34' }, employed)).toBe('“工作单位统一社会信用代码”：统一社会信用代码校验位不正确，请逐位核对')
  })

  it('keeps them normalised: X upper-cased, the mobile number bare, the credit code upper-cased', () => {
    const employed = { applicant: 'self', employment: 'employed' }
    const values = { ...validValues(), idNumber: '11010519491231002x', phone: '+86 138-1234-5678', employerCode: VALID_CREDIT_CODE.toLowerCase() }
    expect(validateApplication(form, values, employed, { today: TODAY })).toEqual([])
    expect(keptApplicationValues(form, values, employed, { today: TODAY })).toMatchObject({ idNumber: VALID_ID, phone: '13812345678', employerCode: VALID_CREDIT_CODE })
  })
})

describe('table rows', () => {
  const member = { name: '张小三', relation: 'child', idNumber: VALID_CHILD_ID, monthlyIncome: 0 }

  it('checks each cell and names the row and column', () => {
    expect(validate({ members: [member, { name: '', relation: 'cousin', idNumber: '150203201809010022', monthlyIncome: -5 }] })).toEqual([
      { fieldKey: 'members[1].name', message: '“共同生活家庭成员”第2行：请填写“姓名”' },
      { fieldKey: 'members[1].relation', message: '“共同生活家庭成员”第2行：“与申请人关系”的选项无效' },
      { fieldKey: 'members[1].idNumber', message: '“共同生活家庭成员”第2行：“公民身份号码”：身份证号码校验位不正确，请逐位核对' },
      { fieldKey: 'members[1].monthlyIncome', message: '“共同生活家庭成员”第2行：“月收入（元）”不能小于0' },
    ])
  })

  it('ignores rows left wholly blank but keeps the row numbers the applicant sees', () => {
    const blank = { name: '', relation: null, idNumber: ' ', monthlyIncome: null }
    expect(validate({ members: [blank, { ...member, name: '' }] })).toEqual([{ fieldKey: 'members[1].name', message: '“共同生活家庭成员”第2行：请填写“姓名”' }])
    expect(validate({ members: [blank] })).toEqual([{ fieldKey: 'members', message: '请至少填写1行“共同生活家庭成员”' }])
    expect(keptApplicationValues(form, { ...validValues(), members: [blank, member] }, self, { today: TODAY }).members).toEqual([member])
  })

  it('enforces the number of rows', () => {
    expect(messageFor('members', { members: [member, member, member, member] })).toBe('“共同生活家庭成员”最多填写3行')
    const twoAtLeast = makeApplicationForm()
    const table = twoAtLeast.groups[2]!.fields[0]!
    if (table.type !== 'tableRows') throw new Error('fixture changed')
    table.minRows = 2
    expect(validateApplication(twoAtLeast, { ...validValues(), members: [member] }, self, { today: TODAY })).toEqual([
      { fieldKey: 'members', message: '“共同生活家庭成员”至少填写2行' },
    ])
    table.required = false
    expect(validateApplication(twoAtLeast, { ...validValues(), members: [] }, self, { today: TODAY })).toEqual([])
  })

  it('refuses something that is not a list of rows', () => {
    expect(messageFor('members', { members: 'two people' })).toBe('“共同生活家庭成员”的填写内容无效')
    expect(messageFor('members', { members: [['张小三']] })).toBe('“共同生活家庭成员”的填写内容无效')
  })

  it('keeps only the table’s columns, empty cells as null', () => {
    const kept = keptApplicationValues(form, { ...validValues(), members: [{ name: ' 张小三 ', relation: 'child', idNumber: VALID_CHILD_ID, colour: 'red' }] }, self, { today: TODAY })
    expect(kept.members).toEqual([{ name: '张小三', relation: 'child', idNumber: VALID_CHILD_ID, monthlyIncome: null }])
  })
})

describe('conditions on situation answers', () => {
  it('neither requires nor keeps a group hidden by the answers', () => {
    const values = { ...validValues(), agentName: '李四', agentIdNumber: 'not checked' }
    expect(validateApplication(form, values, self, { today: TODAY })).toEqual([])
    expect(keptApplicationValues(form, values, self, { today: TODAY })).not.toHaveProperty('agentName')
  })

  it('requires the group when the answer shows it', () => {
    expect(validate({}, { applicant: 'agent', employment: 'unemployed' })).toEqual([
      { fieldKey: 'agentName', message: '请填写“代办人姓名”' },
      { fieldKey: 'agentIdNumber', message: '请填写“代办人公民身份号码”' },
      { fieldKey: 'entrustedUntil', message: '请选择“委托截止日期”' },
    ])
  })

  it('hides a single field by its own condition', () => {
    const values = { ...validValues(), employerCode: 'not a code' }
    expect(validateApplication(form, values, self, { today: TODAY })).toEqual([])
    expect(validateApplication(form, values, { applicant: 'self', employment: 'employed' }, { today: TODAY })).toHaveLength(1)
  })

  it('shows what an unanswered question could require, as the guide page does', () => {
    expect(validate({ employerCode: 'x' }, {}).map((error) => error.fieldKey)).toEqual(['employerCode', 'agentName', 'agentIdNumber', 'entrustedUntil'])
  })

  it('ignores and drops keys the form does not have', () => {
    const values = { ...validValues(), unknownField: 'x' }
    expect(validateApplication(form, values, self, { today: TODAY })).toEqual([])
    expect(keptApplicationValues(form, values, self, { today: TODAY })).not.toHaveProperty('unknownField')
  })
})
