import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { InaccuracyReportInput } from '../../../contract/inaccuracy-reports.ts'
import { validationDetails } from '../../../server/src/validation.ts'

function detailsFor(value: unknown) {
  const ajv = new Ajv({ allErrors: true, strict: false })
  const validate = ajv.compile(InaccuracyReportInput)
  validate(value)
  return validationDetails('body', validate.errors ?? [])
}

describe('validationDetails', () => {
  it('points at the missing or unknown property itself, in Chinese', () => {
    expect(detailsFor({ topic: 'phone', description: '电话号码打不通了', note: 'x' })).toEqual([
      { path: '/body/hallId', message: '此项为必填项' },
      { path: '/body/note', message: '不允许提交此字段' },
    ])
  })

  it('gives one message per field, the union message for a value outside a set of literals', () => {
    expect(detailsFor({ hallId: 'kundulun-civic-centre', topic: 'weather', description: '电话号码打不通了' })).toEqual([
      { path: '/body/topic', message: '取值不在允许的范围内' },
    ])
  })

  it('translates type, length and pattern errors', () => {
    expect(detailsFor({ hallId: 'Not Valid', topic: 'phone', description: 42, contact: 'x'.repeat(51) })).toEqual([
      { path: '/body/hallId', message: '格式不正确' },
      { path: '/body/description', message: '类型应为文本' },
      { path: '/body/contact', message: '长度不能超过 50 个字符' },
    ])
  })

  it('names the request part as the API documents it', () => {
    expect(validationDetails('querystring', [{ keyword: 'minimum', instancePath: '/page', schemaPath: '', params: { limit: 1 } }])).toEqual([
      { path: '/query/page', message: '不能小于 1' },
    ])
  })
})
