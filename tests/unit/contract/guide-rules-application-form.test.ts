import { describe, expect, it } from 'vitest'
import type { ApplicationForm } from '../../../contract/application-form.ts'
import { checkGuide, isPublishable } from '../../../contract/guide-rules.ts'
import type { GuideContent, Material } from '../../../contract/guides.ts'
import { makeApplicationForm } from './application-form-factory.ts'

const basis = { title: '《社会救助暂行办法》', article: '第十一条', text: null }

function material(id: string): Material {
  return {
    id, name: `${id} 材料`, form: 'original', originals: 1, copies: 0, specification: null, source: 'applicant', sourceNote: null,
    electronicRequired: true, electronicForm: false, required: true, deferrable: false, legalBases: [basis], intermediary: null,
    sample: null, blankForm: null, sampleForm: null, note: null, when: null,
  }
}

function guide(applicationForm: ApplicationForm | undefined): GuideContent {
  return {
    name: '最低生活保障审核确认', itemType: null, caseType: null, legalBases: null, implementingBody: null, departmentId: 'civil-affairs',
    acceptanceConditions: null, audiences: ['individual'], statutoryTimeLimit: null, promisedTimeLimit: null, results: null, fee: null,
    materials: [material('application-form'), material('id-card'), material('household-register')], deferrablePolicy: null, steps: null,
    handlingForms: null, reviewStandard: null, appointment: null, onlinePayment: null, locations: null, hours: null, consultation: null,
    supervision: null, visitsRequired: null, keywords: [], themeIds: [], sourceExtra: {},
    situations: [
      { id: 'applicant', question: '谁来申请？', options: [{ id: 'self', label: '本人' }, { id: 'agent', label: '代办人' }] },
      { id: 'employment', question: '是否在职？', options: [{ id: 'employed', label: '在职' }, { id: 'unemployed', label: '无业' }] },
    ],
    ...(applicationForm ? { applicationForm } : {}),
  }
}

const formProblems = (form: ApplicationForm) => checkGuide(guide(form)).filter((problem) => problem.element === '一表申请')

describe('checkGuide: the one-form application', () => {
  it('accepts a form that fits its guide, and a guide without a form', () => {
    expect(formProblems(makeApplicationForm())).toEqual([])
    expect(checkGuide(guide(undefined)).filter((problem) => problem.element === '一表申请')).toEqual([])
  })

  it('blocks materials the guide does not list', () => {
    const problems = formProblems(makeApplicationForm({ formMaterialId: 'application', materialIds: ['id-card', 'marriage-certificate'] }))
    expect(problems).toEqual([
      { element: '一表申请', path: '/applicationForm/formMaterialId', severity: 'blocking', message: '一表申请对应的申请材料“application”不在申请材料清单中' },
      { element: '一表申请', path: '/applicationForm/materialIds/1', severity: 'blocking', message: '一表申请要求上传的申请材料“marriage-certificate”不在申请材料清单中' },
    ])
    expect(isPublishable(checkGuide(guide(makeApplicationForm({ materialIds: ['nope'] }))))).toBe(false)
  })

  it('blocks a field key used twice, across groups too, a group id used twice and a table column key used twice', () => {
    const form = makeApplicationForm()
    form.groups[1]!.fields[0]!.key = 'name'
    form.groups[2]!.id = 'agent'
    const table = form.groups[2]!.fields[0]!
    if (table.type === 'tableRows') table.columns[1]!.key = 'name'
    expect(formProblems(form).map(({ path, message }) => ({ path, message }))).toEqual([
      { path: '/applicationForm/groups/1/fields/0/key', message: '一表申请的字段键“name”重复' },
      { path: '/applicationForm/groups/2/id', message: '一表申请的分组标识“agent”重复' },
      { path: '/applicationForm/groups/2/fields/0/columns/1/key', message: '一表申请字段“共同生活家庭成员”的列键“name”重复' },
    ])
  })

  it('blocks conditions naming unknown questions or options', () => {
    const form = makeApplicationForm()
    form.groups[1]!.when = { applicant: ['relative'] }
    form.groups[0]!.fields[0]!.when = { household: ['urban'] }
    Object.assign(form.groups[0]!.fields[1]!, { prefillWhen: { applicant: ['myself'] } })
    expect(formProblems(form).map(({ path, message }) => ({ path, message }))).toEqual([
      { path: '/applicationForm/groups/0/fields/0/when/household', message: '一表申请字段“申请人姓名”的适用情形引用了不存在的问题“household”' },
      { path: '/applicationForm/groups/0/fields/1/prefillWhen/applicant', message: '一表申请字段“公民身份号码”（预填）的适用情形引用了问题“谁来申请？”中不存在的选项“myself”' },
      { path: '/applicationForm/groups/1/when/applicant', message: '一表申请分组“代办人”的适用情形引用了问题“谁来申请？”中不存在的选项“relative”' },
    ])
  })

  it('blocks a profile value prefilled into a field of another kind, and ranges set the wrong way round', () => {
    const form = makeApplicationForm()
    const fields = form.groups[0]!.fields
    Object.assign(fields[2]!, { prefill: 'idNumber' }) // the phone field
    Object.assign(fields[5]!, { min: 30 }) // 家庭人口 max 20
    Object.assign(fields[8]!, { minLength: 600 }) // 申请理由 max 500
    const table = form.groups[2]!.fields[0]!
    if (table.type === 'tableRows') Object.assign(table, { minRows: 5 })
    Object.assign(fields[6]!, { options: [{ value: 'a', label: '甲' }, { value: 'a', label: '乙' }] })
    expect(formProblems(form).map(({ message }) => message)).toEqual([
      '一表申请字段“联系电话”不能用“idNumber”预填',
      '一表申请字段“家庭人口”：最小值大于最大值',
      '一表申请字段“健康状况”：选项值重复',
      '一表申请字段“申请理由”：最少字数大于最多字数',
      '一表申请字段“共同生活家庭成员”：最少行数大于最多行数',
    ])
  })
})
