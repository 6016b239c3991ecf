import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUERY_CODE_ALPHABET, type ComplaintDetail, type ComplaintList, type ComplaintReceipt } from '../../../contract/complaints.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { randomAddress, signInCitizen, withoutCsrf } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { pdfBytes } from './application-factories.ts'
import { complaintInput, fileComplaint, filedComplaint, lookUp, realNameInput, uploadPhoto } from './complaint-factories.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

const complaintCount = async () => Number((await testApp.db.selectFrom('complaints').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)

describe('POST /api/v1/complaints without signing in (anonymous)', () => {
  it('files the complaint and answers a tracking number and a query code that opens it, and nothing else does', async () => {
    const receipt = await filedComplaint(testApp.app)
    expect(receipt.trackingNumber).toMatch(/^TS-\d{8}-\d{4}$/)
    expect(receipt.queryCode).toHaveLength(10)
    expect([...receipt.queryCode].every((character) => QUERY_CODE_ALPHABET.includes(character))).toBe(true)
    expect(receipt.complaint).toMatchObject({ status: 'received', statusName: '已收到', anonymous: true, contact: null, categoryName: '要求提供指南以外的材料' })
    expect(receipt.complaint.concerns.hall).toEqual({ id: 'kundulun-civic-centre', name: '昆都仑区市民大厅' })

    const stored = await testApp.db.selectFrom('complaints').select(['query_code_hash', 'citizen_id']).where('tracking_number', '=', receipt.trackingNumber).executeTakeFirstOrThrow()
    expect(stored.query_code_hash).not.toContain(receipt.queryCode)
    expect(stored.citizen_id).toBeNull()

    const found = await lookUp(testApp.app, receipt.trackingNumber, receipt.queryCode.toLowerCase())
    expect(found.statusCode, found.body).toBe(200)
    expect(found.headers['cache-control']).toBe('no-store')
    expect(found.json<ComplaintDetail>()).toMatchObject({ trackingNumber: receipt.trackingNumber, description: receipt.complaint.description })

    const wrongCode = expectErrorBody(await lookUp(testApp.app, receipt.trackingNumber, 'ABCDEFGHJK'), 404, 'COMPLAINT_LOOKUP_FAILED')
    const unknownNumber = expectErrorBody(await lookUp(testApp.app, 'TS-20000101-0001', receipt.queryCode), 404, 'COMPLAINT_LOOKUP_FAILED')
    expect(wrongCode).toEqual(unknownNumber)

    const signedIn = await signInCitizen(testApp.app)
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/me/complaints/${receipt.trackingNumber}`, headers: signedIn.headers }), 404)
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/me/complaints/${receipt.trackingNumber}` }), 401)
  })
})

describe('POST /api/v1/complaints: validation', () => {
  it('refuses bad input with 400 or 422 in the one error shape, and files nothing', async () => {
    const before = await complaintCount()
    expectErrorBody(await fileComplaint(testApp.app, {}), 400, 'VALIDATION_FAILED')
    expectErrorBody(await fileComplaint(testApp.app, complaintInput({ description: '' })), 400, 'VALIDATION_FAILED')
    expectErrorBody(await fileComplaint(testApp.app, complaintInput({ description: '很'.repeat(2001) })), 400, 'VALIDATION_FAILED')
    expectErrorBody(await fileComplaint(testApp.app, { ...complaintInput(), anonymous: 'yes' }), 400, 'VALIDATION_FAILED')
    expectErrorBody(await fileComplaint(testApp.app, { ...complaintInput(), category: 'rudeness' }), 400, 'VALIDATION_FAILED')
    expectErrorBody(await fileComplaint(testApp.app, { ...complaintInput(), concerns: { hallName: '市民大厅' } }), 400, 'VALIDATION_FAILED')
    const tenPhotos = Array.from({ length: 10 }, (_, index) => `00000000-0000-4000-8000-00000000000${index}`)
    expectErrorBody(await fileComplaint(testApp.app, complaintInput({ photoIds: tenPhotos })), 400, 'VALIDATION_FAILED')
    const noKey = await testApp.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: complaintInput(), remoteAddress: randomAddress() })
    expectErrorBody(noKey, 400, 'VALIDATION_FAILED')

    const unprocessable: [object, string][] = [
      [complaintInput({ description: '   太慢了      ' }), 'DESCRIPTION_TOO_SHORT'],
      [complaintInput({ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }), 'OCCURRED_AT_IN_FUTURE'],
      [{ ...complaintInput(), occurredAt: undefined }, 'OCCURRED_AT_REQUIRED'],
      [complaintInput({ contact: { name: '王小明', phone: '13912345678' } }), 'CONTACT_NOT_ALLOWED'],
      [complaintInput({ concerns: { hallId: 'no-such-hall' } }), 'HALL_NOT_FOUND'],
      [complaintInput({ concerns: { hallId: 'kundulun-civic-centre', windowId: 'kunbei-street-station-w01' } }), 'WINDOW_NOT_FOUND'],
      [complaintInput({ concerns: { hallId: 'kundulun-civic-centre', windowId: 'kundulun-civic-centre-w07', staffName: '张三' } }), 'STAFF_NOT_FOUND'],
      [complaintInput({ concerns: { itemCode: '1115020300099999999999' } }), 'ITEM_NOT_FOUND'],
      [complaintInput({ concerns: { caseNumber: 'KDL-20261125-0001' } }), 'CONCERNS_IDENTIFY_COMPLAINANT'],
      [complaintInput({ photoIds: ['00000000-0000-4000-8000-000000000000'] }), 'PHOTO_NOT_FOUND'],
    ]
    for (const [input, code] of unprocessable) {
      const body = expectErrorBody(await fileComplaint(testApp.app, input), 422, code)
      expect(body.message).toMatch(/[\u4e00-\u9fff]/)
    }
    expectErrorBody(await fileComplaint(testApp.app, realNameInput()), 401, 'AUTHENTICATION_REQUIRED')
    expect(await complaintCount()).toBe(before)
  })

  it('files a suggestion without a time, and stores and returns script in the text exactly as sent (plain text)', async () => {
    const description = '<script>alert("投诉")</script><img src=x onerror=alert(1)> 建议增加座椅'
    const receipt = await filedComplaint(testApp.app, { ...complaintInput({ kind: 'suggestion', category: 'facilities', description }), occurredAt: undefined })
    expect(receipt.complaint).toMatchObject({ kind: 'suggestion', description, occurredAt: null })
    const found = await lookUp(testApp.app, receipt.trackingNumber, receipt.queryCode)
    expect(found.headers['content-type']).toMatch(/^application\/json/)
    expect(found.json<ComplaintDetail>().description).toBe(description)
  })

  it('refuses a citizen cookie without its CSRF token instead of filing anonymously', async () => {
    const signedIn = await signInCitizen(testApp.app)
    expectErrorBody(await fileComplaint(testApp.app, complaintInput(), { headers: withoutCsrf(signedIn.headers) }), 403, 'CSRF_TOKEN_INVALID')
  })
})

describe('POST /api/v1/complaints: retries and limits', () => {
  it('answers a retry with the same key with the same receipt and query code, and files one complaint', async () => {
    const before = await complaintCount()
    const input = complaintInput()
    const key = 'retry-key-0123456789abcdef'
    const first = await fileComplaint(testApp.app, input, { key, remoteAddress: '10.9.9.1' })
    const again = await fileComplaint(testApp.app, input, { key, remoteAddress: '10.9.9.2' })
    expect(first.statusCode, first.body).toBe(201)
    expect(again.statusCode, again.body).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json<ComplaintReceipt>()).toEqual(first.json<ComplaintReceipt>())
    expect(await complaintCount()).toBe(before + 1)
    expectErrorBody(await fileComplaint(testApp.app, complaintInput({ description: '另一件不同的事情，需要另外说明。' }), { key }), 422, 'IDEMPOTENCY_KEY_REUSED')
    const keys = await testApp.db.selectFrom('idempotency_keys').select(['key', 'response_body']).where('operation', '=', 'submitComplaint').execute()
    expect(keys.some((row) => row.key.includes(key))).toBe(false)
    expect(JSON.stringify(keys.map((row) => row.response_body))).not.toContain(first.json<ComplaintReceipt>().queryCode)
  })

  it('files once when the same write arrives twice at the same time', async () => {
    const before = await complaintCount()
    const input = complaintInput()
    const key = 'parallel-key-0123456789abcdef'
    const [first, second] = await Promise.all([fileComplaint(testApp.app, input, { key }), fileComplaint(testApp.app, input, { key })])
    expect([first.statusCode, second.statusCode]).toEqual([201, 201])
    expect(second.json<ComplaintReceipt>().queryCode).toBe(first.json<ComplaintReceipt>().queryCode)
    expect(second.json<ComplaintReceipt>().trackingNumber).toBe(first.json<ComplaintReceipt>().trackingNumber)
    expect(await complaintCount()).toBe(before + 1)
  })

  it('limits anonymous complaints per client address per day, with Retry-After', async () => {
    const remoteAddress = randomAddress()
    for (let index = 0; index < 5; index += 1) await filedComplaint(testApp.app, complaintInput(), { remoteAddress })
    const refused = await fileComplaint(testApp.app, complaintInput(), { remoteAddress })
    expectErrorBody(refused, 429, 'COMPLAINT_RATE_LIMITED')
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    await filedComplaint(testApp.app, complaintInput(), { remoteAddress: randomAddress() })
    const signedIn = await signInCitizen(testApp.app)
    await filedComplaint(testApp.app, realNameInput(), { headers: signedIn.headers, remoteAddress })
  })

  it('limits wrong query codes per tracking number, whatever address they come from', async () => {
    const receipt = await filedComplaint(testApp.app)
    for (let index = 0; index < 5; index += 1) expectErrorBody(await lookUp(testApp.app, receipt.trackingNumber, 'WRONGC0DE9'.replace('0', 'O')), 404)
    const limited = await lookUp(testApp.app, receipt.trackingNumber, receipt.queryCode)
    expectErrorBody(limited, 429, 'COMPLAINT_LOOKUP_RATE_LIMITED')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
  })
})

describe('signed-in complaints', () => {
  it('files real-name, lists it under 我的投诉建议 and shows the full contact only to its citizen', async () => {
    const signedIn = await signInCitizen(testApp.app)
    const receipt = await filedComplaint(testApp.app, realNameInput(), { headers: signedIn.headers })
    expect(receipt.complaint.contact).toEqual({ name: '王小明', phone: '13912345678' })
    const list = await testApp.app.inject({ method: 'GET', url: '/api/v1/me/complaints', headers: signedIn.headers })
    expect(list.json<ComplaintList>().complaints.map((complaint) => complaint.trackingNumber)).toEqual([receipt.trackingNumber])
    const detail = await testApp.app.inject({ method: 'GET', url: `/api/v1/me/complaints/${receipt.trackingNumber}`, headers: signedIn.headers })
    expect(detail.json<ComplaintDetail>().contact).toEqual({ name: '王小明', phone: '13912345678' })
    const byCode = await lookUp(testApp.app, receipt.trackingNumber, receipt.queryCode)
    expect(byCode.json<ComplaintDetail>().contact).toEqual({ name: '王*明', phone: '139****5678' })
    const other = await signInCitizen(testApp.app)
    const otherList = await testApp.app.inject({ method: 'GET', url: '/api/v1/me/complaints', headers: other.headers })
    expect(otherList.json<ComplaintList>().complaints).toEqual([])
  })

  it('lets a complaint name the citizen’s own case or booking only, and never another citizen’s', async () => {
    const owner = await signInCitizen(testApp.app)
    const other = await signInCitizen(testApp.app)
    const now = new Date()
    const booking = await testApp.db
      .insertInto('bookings')
      .values({
        code: 'CPKT-2345',
        citizen_id: owner.me.id,
        item_code: '1115020300011500200001',
        item_name: '测试事项',
        hall_id: 'kunbei-street-station',
        service_id: 'test-service',
        service_name: '测试服务',
        window_number: null,
        slot_date: '2026-01-05',
        start_time: '09:00',
        end_time: '09:30',
        kind: 'regular',
        priority_group: null,
        status: 'booked',
        starts_at: now,
        changeable_until: now,
        created_at: now,
        cancelled_at: null,
        checked_in_at: null,
        no_show_at: null,
        reminded_day_before_at: null,
        reminded_two_hours_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    expectErrorBody(await fileComplaint(testApp.app, realNameInput({ concerns: { bookingId: booking.id } }), { headers: other.headers }), 422, 'BOOKING_NOT_FOUND')
    expectErrorBody(await fileComplaint(testApp.app, complaintInput({ concerns: { bookingId: booking.id } }), { headers: owner.headers }), 422, 'CONCERNS_IDENTIFY_COMPLAINANT')
    const receipt = await filedComplaint(testApp.app, realNameInput({ concerns: { bookingId: booking.id } }), { headers: owner.headers })
    expect(receipt.complaint.concerns).toMatchObject({ hall: { id: 'kunbei-street-station' }, booking: { id: booking.id, date: '2026-01-05', startTime: '09:00' } })
    expectErrorBody(await fileComplaint(testApp.app, realNameInput({ concerns: { caseNumber: 'KDL-20261125-0001' } }), { headers: owner.headers }), 422, 'CASE_NOT_FOUND')
  })
})

describe('complaint photos', () => {
  it('serves a photo to its complainant and staff only, never cached, and to the anonymous complainant through the query code', async () => {
    const signedIn = await signInCitizen(testApp.app)
    const uploaded = await uploadPhoto(testApp.app, { headers: signedIn.headers })
    expect(uploaded.statusCode, uploaded.body).toBe(201)
    const { photoId } = uploaded.json<{ photoId: string }>()
    const receipt = await filedComplaint(testApp.app, realNameInput({ photoIds: [photoId] }), { headers: signedIn.headers })
    expect(receipt.complaint.photos).toEqual([{ photoId, mediaType: 'image/png', bytes: expect.any(Number) }])
    const url = `/api/v1/complaints/${receipt.trackingNumber}/photos/${photoId}`

    const own = await testApp.app.inject({ method: 'GET', url, headers: signedIn.headers })
    expect(own.statusCode).toBe(200)
    expect(own.headers['content-type']).toBe('image/png')
    expect(own.headers['cache-control']).toBe('private, no-store')

    const other = await signInCitizen(testApp.app)
    expectErrorBody(await testApp.app.inject({ method: 'GET', url, headers: other.headers }), 404)
    expectErrorBody(await testApp.app.inject({ method: 'GET', url }), 401)

    // Another citizen cannot attach the photo to their own complaint either.
    expectErrorBody(await fileComplaint(testApp.app, realNameInput({ photoIds: [photoId] }), { headers: other.headers }), 422, 'PHOTO_NOT_FOUND')

    const anonymousPhoto = (await uploadPhoto(testApp.app)).json<{ photoId: string }>().photoId
    const anonymous = await filedComplaint(testApp.app, complaintInput({ photoIds: [anonymousPhoto] }))
    const byCode = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/complaint-lookups/photo',
      payload: { trackingNumber: anonymous.trackingNumber, queryCode: anonymous.queryCode, photoId: anonymousPhoto },
      remoteAddress: randomAddress(),
    })
    expect(byCode.statusCode).toBe(200)
    expect(byCode.headers['cache-control']).toBe('private, no-store')
    const wrongPhoto = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/complaint-lookups/photo',
      payload: { trackingNumber: anonymous.trackingNumber, queryCode: anonymous.queryCode, photoId },
      remoteAddress: randomAddress(),
    })
    expectErrorBody(wrongPhoto, 404)
  })

  it('takes images only', async () => {
    expectErrorBody(await uploadPhoto(testApp.app, { bytes: pdfBytes, contentType: 'application/pdf' }), 415, 'UPLOAD_TYPE_REFUSED')
    expectErrorBody(await uploadPhoto(testApp.app, { bytes: Buffer.alloc(0) }), 400)
  })
})

describe('GET /api/v1/complaint-channels', () => {
  it('lists every channel of 第十九条 with the hall complaint phones, tappable numbers, unconfirmed ones marked', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/complaint-channels' })
    expect(response.statusCode).toBe(200)
    const { channels } = response.json<{ channels: { kind: string; value: string; valueKind: string; hallId: string | null; confirmed: boolean }[] }>()
    expect(new Set(channels.map((channel) => channel.kind))).toEqual(new Set(['app', 'hotline', 'complaint_phone', 'portal', 'wechat', 'kiosk']))
    expect(channels.find((channel) => channel.kind === 'hotline')).toMatchObject({ value: '12345', valueKind: 'tel', confirmed: true })
    expect(channels.find((channel) => channel.hallId === 'kundulun-civic-centre')).toMatchObject({ kind: 'complaint_phone', value: '0472-5990563', valueKind: 'tel' })
    expect(channels.filter((channel) => ['portal', 'wechat'].includes(channel.kind)).every((channel) => !channel.confirmed)).toBe(true)
  })
})
