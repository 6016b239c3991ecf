import { expect, test } from 'vitest'
import { checkInaccuracyReport, toInaccuracyReportInput } from '../../../src/domain/inaccuracy-report-rules.ts'
import { i18n } from '../../../src/modules/i18n.ts'

test('the form refuses what the server would refuse, in Chinese', () => {
  const problems = checkInaccuracyReport({ topic: null, description: '  错了  ', contact: 'x'.repeat(51) })
  expect(Object.keys(problems).sort()).toEqual(['contact', 'description', 'topic'])
  expect(i18n.global.t(problems.description!)).toMatch(/至少写5个字/)
  expect(checkInaccuracyReport({ topic: 'phone', description: '电话打不通', contact: '' })).toEqual({})
})

test('the request body is trimmed and leaves out an empty contact', () => {
  expect(toInaccuracyReportInput('shimin-dating', { topic: 'phone', description: ' 电话打不通 ', contact: ' ' })).toEqual({
    hallId: 'shimin-dating',
    topic: 'phone',
    description: '电话打不通',
  })
})
