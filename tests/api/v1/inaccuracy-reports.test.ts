import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InaccuracyReceipt } from '../../../contract/inaccuracy-reports.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { idempotencyKey, inaccuracyReportInput } from './factories.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

function report(key: string, payload: unknown) {
  return testApp.app.inject({
    method: 'POST',
    url: '/api/v1/inaccuracy-reports',
    headers: { 'idempotency-key': key },
    payload: payload as object,
  })
}

async function reportCount(): Promise<number> {
  return (await testApp.countRows()).inaccuracy_reports ?? 0
}

describe('POST /api/v1/inaccuracy-reports', () => {
  it('stores a report and answers 201 with a dated reference', async () => {
    const response = await report(idempotencyKey(), inaccuracyReportInput({ contact: '13800000000' }))
    expect(response.statusCode, response.body).toBe(201)
    const receipt = response.json<InaccuracyReceipt>()
    expect(receipt).toMatchObject({ hallId: 'kundulun-civic-centre', topic: 'opening_hours' })
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(receipt.receivedAt))
    expect(receipt.reference).toMatch(new RegExp(`^JC${day.replaceAll('-', '')}-\\d{4}$`))
    expect(response.headers['idempotent-replayed']).toBeUndefined()
  })

  it('numbers references of one day consecutively', async () => {
    const first = (await report(idempotencyKey(), inaccuracyReportInput())).json<InaccuracyReceipt>()
    const second = (await report(idempotencyKey(), inaccuracyReportInput())).json<InaccuracyReceipt>()
    const number = (reference: string) => Number(reference.split('-')[1])
    expect(number(second.reference)).toBe(number(first.reference) + 1)
  })

  it('answers a retry with the same key with the first receipt and stores one report', async () => {
    const key = idempotencyKey()
    const before = await reportCount()
    const first = await report(key, inaccuracyReportInput())
    const retry = await report(key, inaccuracyReportInput())
    expect(first.statusCode).toBe(201)
    expect(retry.statusCode).toBe(201)
    expect(retry.json()).toEqual(first.json())
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(await reportCount()).toBe(before + 1)
  })

  it('treats the same body with keys in another order as the same request', async () => {
    const key = idempotencyKey()
    const input = inaccuracyReportInput()
    await report(key, input)
    const reordered = Object.fromEntries(Object.entries(input).reverse())
    expect((await report(key, reordered)).headers['idempotent-replayed']).toBe('true')
  })

  it('refuses the same key with a different body with 422 and writes nothing', async () => {
    const key = idempotencyKey()
    await report(key, inaccuracyReportInput())
    const before = await testApp.countRows()
    const response = await report(key, inaccuracyReportInput({ description: '另一条不同的纠错内容。' }))
    expectErrorBody(response, 422, 'IDEMPOTENCY_KEY_REUSED')
    expect(await testApp.countRows()).toEqual(before)
  })

  it('stores exactly one report for ten concurrent requests with the same key', async () => {
    const key = idempotencyKey()
    const before = await reportCount()
    const responses = await Promise.all(Array.from({ length: 10 }, () => report(key, inaccuracyReportInput())))
    expect(responses.map((response) => response.statusCode)).toEqual(Array(10).fill(201))
    const references = new Set(responses.map((response) => response.json<InaccuracyReceipt>().reference))
    expect(references.size).toBe(1)
    expect(await reportCount()).toBe(before + 1)
  })

  it('refuses a report about an unknown hall with 422, stores nothing, and lets the key be reused', async () => {
    const key = idempotencyKey()
    const before = await testApp.countRows()
    const body = expectErrorBody(await report(key, inaccuracyReportInput({ hallId: 'no-such-hall' })), 422, 'HALL_NOT_FOUND')
    expect(body.message).toContain('未找到该办事大厅')
    expect(await testApp.countRows()).toEqual(before)
    // A failed write stores no key, so the corrected retry with the same key goes through.
    expect((await report(key, inaccuracyReportInput())).statusCode).toBe(201)
  })

  it('requires an Idempotency-Key header', async () => {
    const response = await testApp.app.inject({ method: 'POST', url: '/api/v1/inaccuracy-reports', payload: inaccuracyReportInput() })
    const body = expectErrorBody(response, 400, 'VALIDATION_FAILED')
    expect(body.details).toEqual([{ path: '/headers/idempotency-key', message: '此项为必填项' }])
  })

  it('explains every invalid field in Chinese', async () => {
    const response = await report(idempotencyKey(), { hallId: 'kundulun-civic-centre', topic: 'weather', description: '短', extra: 1 })
    const body = expectErrorBody(response, 400, 'VALIDATION_FAILED')
    expect(body.details).toEqual(
      expect.arrayContaining([
        { path: '/body/topic', message: '取值不在允许的范围内' },
        { path: '/body/description', message: '长度不能少于 5 个字符' },
        { path: '/body/extra', message: '不允许提交此字段' },
      ]),
    )
  })
})
