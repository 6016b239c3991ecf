import type { ApplicationForm } from '../../../contract/application-form.ts'

// A 最低生活保障申请书 with every field type: prefilled applicant fields, an agent group shown only
// when someone applies for another person (prefilled then instead of the applicant's fields), a field shown only for company applicants, and a
// table of family members. The web tests render the same form.

export const VALID_ID = '11010519491231002X' // GB 11643's own example
export const VALID_CHILD_ID = '150203201809010021'
export const VALID_CREDIT_CODE = '91350100M000100Y43' // GB 32100's own example
export const TODAY = '2026-11-25'

export function makeApplicationForm(overrides: Partial<ApplicationForm> = {}): ApplicationForm {
  return {
    title: '最低生活保障申请书',
    formMaterialId: 'application-form',
    materialIds: ['id-card', 'household-register'],
    groups: [
      {
        id: 'applicant',
        title: '申请人基本情况',
        fields: [
          { type: 'text', key: 'name', label: '申请人姓名', required: true, maxLength: 20, prefill: 'name', prefillWhen: { applicant: ['self'] } },
          { type: 'idNumber', key: 'idNumber', label: '公民身份号码', required: true, prefill: 'idNumber', prefillWhen: { applicant: ['self'] }, help: '与户口簿一致' },
          { type: 'phone', key: 'phone', label: '联系电话', required: true, prefill: 'phone' },
          { type: 'address', key: 'address', label: '户籍地址', required: true, maxLength: 100, prefill: 'address' },
          { type: 'date', key: 'hardshipDate', label: '困难发生日期', required: false, notInFuture: true, min: '2020-01-01' },
          { type: 'number', key: 'familySize', label: '家庭人口', required: true, integer: true, min: 1, max: 20, unit: '人' },
          {
            type: 'choice', key: 'health', label: '健康状况', required: true, multiple: false,
            options: [{ value: 'healthy', label: '健康' }, { value: 'chronic', label: '患慢性病' }, { value: 'disabled', label: '残疾' }],
          },
          {
            type: 'choice', key: 'incomeSources', label: '收入来源', required: false, multiple: true,
            options: [{ value: 'wages', label: '工资' }, { value: 'pension', label: '养老金' }, { value: 'none', label: '无收入' }],
          },
          { type: 'textarea', key: 'reason', label: '申请理由', required: true, minLength: 10, maxLength: 500 },
          { type: 'creditCode', key: 'employerCode', label: '工作单位统一社会信用代码', required: false, when: { employment: ['employed'] } },
        ],
      },
      {
        id: 'agent',
        title: '代办人',
        when: { applicant: ['agent'] },
        fields: [
          { type: 'text', key: 'agentName', label: '代办人姓名', required: true, prefill: 'name' },
          { type: 'idNumber', key: 'agentIdNumber', label: '代办人公民身份号码', required: true },
          { type: 'date', key: 'entrustedUntil', label: '委托截止日期', required: true, notInPast: true },
        ],
      },
      {
        id: 'family',
        title: '共同生活家庭成员',
        fields: [
          {
            type: 'tableRows', key: 'members', label: '共同生活家庭成员', required: true, minRows: 1, maxRows: 3,
            columns: [
              { type: 'text', key: 'name', label: '姓名', required: true, maxLength: 20 },
              { type: 'choice', key: 'relation', label: '与申请人关系', required: true, multiple: false, options: [{ value: 'spouse', label: '配偶' }, { value: 'child', label: '子女' }] },
              { type: 'idNumber', key: 'idNumber', label: '公民身份号码', required: true },
              { type: 'number', key: 'monthlyIncome', label: '月收入（元）', required: false, min: 0 },
            ],
          },
        ],
      },
    ],
    ...overrides,
  }
}

/** Values that pass every rule of makeApplicationForm for an applicant applying for themselves. */
export function validValues(): Record<string, unknown> {
  return {
    name: '王芳',
    idNumber: VALID_ID,
    phone: '13812345678',
    address: '内蒙古自治区包头市昆都仑区钢铁大街1号',
    hardshipDate: '2026-03-01',
    familySize: 2,
    health: 'chronic',
    incomeSources: ['none'],
    reason: '本人患慢性病不能从事重体力劳动，家庭收入低于最低生活保障标准。',
    members: [{ name: '张小三', relation: 'child', idNumber: VALID_CHILD_ID, monthlyIncome: 0 }],
  }
}
