import type { FormField } from '../../src/forms/form-definition.ts'

// The obviously fictitious applicant every sample form is filled in with: a name a clerk reads
// as "example", an ID number whose check digit is wrong, a masked phone, an address on 示例路.

export const person = {
  name: '张三',
  gender: '男',
  ethnicity: '汉族',
  birthDate: '1990年1月1日',
  idNumber: '150203199001010000',
  phone: '138****0000',
  address: '内蒙古自治区包头市昆都仑区示例路1号示例小区1栋1单元101室',
  shortAddress: '昆都仑区示例路1号',
  agentName: '李四',
  agentIdNumber: '150203199202020000',
  agentPhone: '139****0000',
  spouseName: '王芳（示例）',
  spouseIdNumber: '150203199103030000',
  company: '包头市示例商贸有限公司',
  creditCode: '91150203MA00000000',
  shopName: '昆都仑区张三示例便利店',
  bankAccount: '6217 **** **** 0000（示例银行昆都仑支行）',
  date: '2025年3月15日',
} as const

const f = (label: string, sample: string, options: Partial<FormField> = {}): FormField => ({ label, sample, ...options })

/** The fields that open most applications for a person. */
export function personFields(role = '申请人'): FormField[] {
  return [
    f(`${role}姓名`, person.name),
    f('性别', person.gender),
    f('公民身份号码', person.idNumber),
    f('出生日期', person.birthDate),
    f('联系电话', person.phone),
    f('民族', person.ethnicity),
    f('户籍地址', person.address, { wide: true }),
  ]
}

export { f }
