import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hall, HallList } from '../../../contract/halls.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

describe('GET /api/v1/halls', () => {
  it('lists the seeded halls, the district centre first', async () => {
    const response = await testApp.app.inject('/api/v1/halls')
    expect(response.statusCode).toBe(200)
    const { halls } = response.json<HallList>()
    expect(halls.map((hall) => hall.id)).toEqual([
      'kundulun-civic-centre',
      'shaoxianlu-street-station',
      'youyidajie-street-station',
      'kunbei-street-station',
    ])
    expect(halls[0]).toMatchObject({ kind: 'district_centre', name: '昆都仑区市民大厅', verification: 'unconfirmed' })
    expect(halls.slice(1).every((hall) => hall.kind === 'street_station')).toBe(true)
  })

  it('gives summaries without windows', async () => {
    const { halls } = (await testApp.app.inject('/api/v1/halls')).json<HallList>()
    expect(halls[0]).not.toHaveProperty('windows')
    expect(new Date(halls[0]!.updatedAt).toISOString()).toBe(halls[0]!.updatedAt)
  })
})

describe('GET /api/v1/halls/{id}', () => {
  it('gives the main hall with its published hours, zones, accessibility and windows with staff', async () => {
    const response = await testApp.app.inject('/api/v1/halls/kundulun-civic-centre')
    expect(response.statusCode).toBe(200)
    const hall = response.json<Hall>()
    expect(hall.address).toContain('黄河大街116号')
    expect(hall.mapUrl).toMatch(/^https:\/\/uri\.amap\.com\/search\?keyword=/)
    expect(hall.phones).toContainEqual({ label: '咨询电话', number: '0472-5990563', kind: 'landline' })
    expect(hall.openingHours.regular).toEqual([
      { weekdays: [1, 2, 3, 4, 5], opens: '09:00', closes: '12:00' },
      { weekdays: [1, 2, 3, 4, 5], opens: '14:00', closes: '17:30' },
    ])
    expect(hall.openingHours.weekend).toEqual([{ weekdays: [6, 7], opens: '09:00', closes: '12:00' }])
    expect(hall.openingHours.flexible).toEqual({ beforeOpeningMinutes: 60, afterClosingMinutes: 60 })
    expect(hall.openingHours.lunch).toEqual({ starts: '12:00', ends: '14:00' })
    // 第九条 names seven functional zones.
    expect(hall.zones.map((zone) => zone.name)).toEqual([
      '咨询服务区',
      '窗口服务区',
      '集中审批区',
      '政务公开区',
      '自助服务区',
      '休息等候区',
      '代办帮办区',
    ])
    expect(hall.accessibility.length).toBeGreaterThan(0)
    expect(hall.windows[0]).toMatchObject({ number: '1', name: '综合受理窗口' })
    // 第十一条: every window publishes staff cards with name, duties and contact.
    for (const window of hall.windows) {
      expect(window.handles.length).toBeGreaterThan(0)
      expect(window.staff.length).toBeGreaterThan(0)
      for (const staff of window.staff) expect(staff.name && staff.duties && staff.contact).toBeTruthy()
    }
  })

  it('gives each street station two or three windows with staff', async () => {
    const { halls } = (await testApp.app.inject('/api/v1/halls')).json<HallList>()
    for (const summary of halls.filter((hall) => hall.kind === 'street_station')) {
      const hall = (await testApp.app.inject(`/api/v1/halls/${summary.id}`)).json<Hall>()
      expect(hall.windows.length).toBeGreaterThanOrEqual(2)
      expect(hall.windows.length).toBeLessThanOrEqual(3)
      expect(hall.windows.every((window) => window.staff.length > 0)).toBe(true)
    }
  })

  it('answers an unknown hall with 404 in the error shape', async () => {
    const body = expectErrorBody(await testApp.app.inject('/api/v1/halls/no-such-hall'), 404, 'NOT_FOUND')
    expect(body.message).toBe('未找到该办事大厅')
  })

  it('rejects an id outside the allowed pattern with 400', async () => {
    const body = expectErrorBody(await testApp.app.inject('/api/v1/halls/NOT_VALID'), 400, 'VALIDATION_FAILED')
    expect(body.details).toEqual([{ path: '/params/id', message: '格式不正确' }])
  })
})

describe('conditional GETs of halls', () => {
  for (const path of ['/api/v1/halls', '/api/v1/halls/kunbei-street-station']) {
    it(`${path} answers 304 to the ETag it gave, and a new ETag once the hall changes`, async () => {
      const first = await testApp.app.inject(path)
      const etag = first.headers.etag as string
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/)
      expect(first.headers['cache-control']).toBe('no-cache')

      const unchanged = await testApp.app.inject({ url: path, headers: { 'if-none-match': etag } })
      expect(unchanged.statusCode).toBe(304)
      expect(unchanged.body).toBe('')
      expect((await testApp.app.inject({ url: path, headers: { 'if-none-match': '"something-else"' } })).statusCode).toBe(200)

      const { name } = await testApp.db.selectFrom('halls').select('name').where('id', '=', 'kunbei-street-station').executeTakeFirstOrThrow()
      await testApp.db.updateTable('halls').set({ name: `${name}（新址）` }).where('id', '=', 'kunbei-street-station').execute()
      try {
        const changed = await testApp.app.inject({ url: path, headers: { 'if-none-match': etag } })
        expect(changed.statusCode).toBe(200)
        expect(changed.headers.etag).not.toBe(etag)
        expect(changed.body).toContain('（新址）')
      } finally {
        await testApp.db.updateTable('halls').set({ name }).where('id', '=', 'kunbei-street-station').execute()
      }
    })
  }
})
