import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_NAMES,
  COMPLAINT_STATUS_NAMES,
  COMPLAINT_STATUSES,
  ComplaintInput,
  ComplaintLookupInput,
  QUERY_CODE_ALPHABET,
  QUERY_CODE_LENGTH,
  queryCodePattern,
  trackingNumberPattern,
} from '../../../contract/complaints.ts'

const valid = {
  kind: 'complaint',
  category: 'extra_requirements',
  concerns: { hallId: 'kundulun-civic-centre' },
  description: '窗口要求提供办事指南以外的证明材料。',
  photoIds: [],
  anonymous: true,
}

describe('complaint contract', () => {
  it('names the seven categories of the issue in Chinese, 第四条’s extra requirements among them', () => {
    expect(COMPLAINT_CATEGORIES.map((category) => COMPLAINT_CATEGORY_NAMES[category])).toEqual([
      '服务态度',
      '办事效率/超期',
      '工作纪律',
      '要求提供指南以外的材料',
      '设施环境',
      '办事指南内容有误',
      '其他',
    ])
    expect(COMPLAINT_STATUSES.map((status) => COMPLAINT_STATUS_NAMES[status])).toEqual(['已收到', '已分派', '办理中', '已答复', '已办结', '已重新办理'])
  })

  it('takes a complaint picked from lists, with at most 9 photos and 10–2000 characters, and nothing free-form besides', () => {
    expect(Value.Check(ComplaintInput, valid)).toBe(true)
    expect(Value.Check(ComplaintInput, { ...valid, concerns: { hallName: '市民大厅' } })).toBe(false)
    expect(Value.Check(ComplaintInput, { ...valid, description: '太慢' })).toBe(false)
    expect(Value.Check(ComplaintInput, { ...valid, description: '慢'.repeat(2001) })).toBe(false)
    expect(Value.Check(ComplaintInput, { ...valid, description: ' '.repeat(12) })).toBe(false)
    expect(Value.Check(ComplaintInput, { ...valid, category: 'rudeness' })).toBe(false)
    expect(Value.Check(ComplaintInput, { ...valid, extra: true })).toBe(false)
  })

  it('has query codes that never contain look-alike characters and tracking numbers of the day', () => {
    expect(QUERY_CODE_ALPHABET).not.toMatch(/[01ILO]/)
    expect(new Set(QUERY_CODE_ALPHABET).size).toBe(QUERY_CODE_ALPHABET.length)
    expect(QUERY_CODE_LENGTH).toBeGreaterThanOrEqual(8)
    expect(new RegExp(queryCodePattern).test('ABCD2345EF')).toBe(true)
    expect(new RegExp(queryCodePattern).test('ABCD2345E')).toBe(false)
    expect(new RegExp(trackingNumberPattern).test('TS-20261125-0001')).toBe(true)
    expect(new RegExp(trackingNumberPattern).test('KDL-20261125-0001')).toBe(false)
    expect(Value.Check(ComplaintLookupInput, { trackingNumber: 'TS-20261125-0001', queryCode: 'ABCD2345EF' })).toBe(true)
    expect(Value.Check(ComplaintLookupInput, { trackingNumber: 'TS-20261125-0001', queryCode: 'ABCD2345EF', phone: '1' })).toBe(false)
  })
})
