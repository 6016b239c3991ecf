import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CatalogueChanges, CataloguePage, ServiceItem } from '../../../contract/guides.ts'
import { importGuides } from '../../../server/src/guides/import-guides.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { guideEntry, importFile } from './guide-factories.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

const list = async (query: string) => {
  const response = await testApp.app.inject(`/api/v1/items${query}`)
  expect(response.statusCode, response.body).toBe(200)
  return response.json<CataloguePage>()
}
const codes = (page: CataloguePage) => page.items.map((item) => item.code)
const importEntries = (entries: unknown[]) => testApp.db.transaction().execute((trx) => importGuides(trx, importFile(entries)))

describe('GET /api/v1/items', () => {
  it('lists the published catalogue, hot items first, with paging defaults', async () => {
    const page = await list('')
    expect(codes(page)).toEqual(['1115020300011500100001', '1115020300003700100001', '1115020300011500200001'])
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 20 })
    expect(page.items[0]).toMatchObject({ name: '居民身份证首次申领', departmentId: 'public-security', version: 1, popularity: 1 })
  })

  it('filters by audience, department, theme and text (name, keyword or code)', async () => {
    expect(codes(await list('?audience=legal_person'))).toEqual(['1115020300003700100001'])
    expect(codes(await list('?departmentId=public-security'))).toEqual(['1115020300011500100001', '1115020300011500200001'])
    expect(codes(await list('?themeId=social-organisations'))).toEqual(['1115020300003700100001'])
    expect(codes(await list(`?q=${encodeURIComponent('换领')}`))).toEqual(['1115020300011500200001'])
    expect(codes(await list(`?q=${encodeURIComponent('到期换证')}`))).toEqual(['1115020300011500200001'])
    expect(codes(await list('?q=000137001000'))).toEqual(['1115020300003700100001'])
    expect(codes(await list(`?q=${encodeURIComponent('身份证')}&audience=legal_person`))).toEqual([])
    expect(codes(await list('?q=%25'))).toEqual([])
  })

  it('pages', async () => {
    const second = await list('?page=2&pageSize=2')
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 })
    expect(codes(second)).toEqual(['1115020300011500200001'])
  })

  it('rejects a page size over 100 and unknown filters', async () => {
    expectErrorBody(await testApp.app.inject('/api/v1/items?pageSize=101'), 400, 'VALIDATION_FAILED')
    expectErrorBody(await testApp.app.inject('/api/v1/items?colour=red'), 400, 'VALIDATION_FAILED')
  })
  it('carries pinyin and initials of names and keywords, so phones search offline by pinyin', async () => {
    const [first] = (await list('')).items
    expect(first).toMatchObject({ pinyin: expect.arrayContaining(['ju min shen fen zheng shou ci shen ling']), initials: expect.arrayContaining(['jmsfzscsl']) })
    expect(codes(await list('?q=sfz'))).toEqual(['1115020300011500100001', '1115020300011500200001'])
    expect(codes(await list('?q=shenfenzheng'))).toEqual(['1115020300011500100001', '1115020300011500200001'])
  })
  it('tells what keeping each guide on a phone costs: its JSON and each of its files once', async () => {
    // 社会团体成立登记 offers a blank and a sample form.
    const [entry] = (await list('?q=1115020300003700100001')).items
    const item = (await testApp.app.inject('/api/v1/items/1115020300003700100001')).json<ServiceItem>()
    const files = new Map(
      [...(item.guide.materials ?? []).flatMap((material) => [material.blankForm, material.sampleForm, material.sample, ...(material.editableForms ?? [])]), ...(item.guide.results ?? []).map((result) => result.sample)]
        .filter((file) => file !== null)
        .map((file) => [file.url, file.bytes]),
    )
    expect(files.size).toBeGreaterThan(0)
    const fileBytes = [...files.values()].reduce((sum, bytes) => sum + bytes, 0)
    expect(entry!.offlineBytes).toBe(Buffer.byteLength(JSON.stringify(item.guide)) + fileBytes)
  })
})

describe('GET /api/v1/items/{code}', () => {
  it('gives the item with its guide and canonical short URL', async () => {
    const response = await testApp.app.inject('/api/v1/items/1115020300011500100001')
    expect(response.statusCode).toBe(200)
    const item = response.json<ServiceItem>()
    expect(item).toMatchObject({ code: '1115020300011500100001', canonicalUrl: '/g/1115020300011500100001', current: { version: 1, effectiveDate: '2026-01-01' }, history: [] })
    expect(item.guide.situations[0]?.id).toBe('applicant')
  })

  it('answers an unknown item with 404 in the error shape', async () => {
    const body = expectErrorBody(await testApp.app.inject('/api/v1/items/NOSUCHITEM01'), 404, 'NOT_FOUND')
    expect(body.message).toBe('未找到该事项')
  })

  it('gives a strong ETag with no-cache, answers 304 when it matches, and a new tag after a new version', async () => {
    const first = await testApp.app.inject('/api/v1/items/1115020300011500200001')
    const etag = String(first.headers.etag)
    expect(etag).toMatch(/^"v1-[\w-]+"$/)
    expect(first.headers['cache-control']).toBe('no-cache')
    const revalidated = await testApp.app.inject({ url: '/api/v1/items/1115020300011500200001', headers: { 'if-none-match': etag } })
    expect(revalidated.statusCode).toBe(304)
    expect(revalidated.body).toBe('')
    expect(revalidated.headers.etag).toBe(etag)

    await importEntries([{ ...guideEntry('1115020300011500200001', { name: '居民身份证换领（到期）', keywords: ['身份证', '到期换证'], themeIds: ['identity-documents'] }), basicCode: '000115002000', popularity: 3, changeNote: '名称调整' }])
    const after = await testApp.app.inject({ url: '/api/v1/items/1115020300011500200001', headers: { 'if-none-match': etag } })
    expect(after.statusCode).toBe(200)
    expect(after.headers.etag).toMatch(/^"v2-/)
  })
})

describe('GET /api/v1/catalogue/changes', () => {
  it('gives the whole index, departments and themes without a cursor, and only what changed since one', async () => {
    const full = (await testApp.app.inject('/api/v1/catalogue/changes')).json<CatalogueChanges>()
    expect(full.full).toBe(true)
    expect(full.changed.map((entry) => entry.code)).toContain('1115020300011500100001')
    expect(full.withdrawn).toEqual([])
    expect(full.departments.map((department) => department.id)).toEqual(['public-security', 'civil-affairs'])
    expect(full.themes.map((theme) => theme.id)).toContain('identity-documents')
    expect(full.cursor).toMatch(/^\d+$/)

    const nothing = (await testApp.app.inject(`/api/v1/catalogue/changes?since=${full.cursor}`)).json<CatalogueChanges>()
    expect(nothing).toMatchObject({ cursor: full.cursor, full: false, changed: [], withdrawn: [] })

    await importEntries([guideEntry('FEEDITEM0001')])
    const changes = (await testApp.app.inject(`/api/v1/catalogue/changes?since=${full.cursor}`)).json<CatalogueChanges>()
    expect(changes.changed.map((entry) => entry.code)).toEqual(['FEEDITEM0001'])
    expect(BigInt(changes.cursor)).toBeGreaterThan(BigInt(full.cursor))
  })

  it('answers the full index for a cursor it never gave', async () => {
    const changes = (await testApp.app.inject('/api/v1/catalogue/changes?since=999999999')).json<CatalogueChanges>()
    expect(changes.full).toBe(true)
    expect(changes.changed.length).toBeGreaterThan(0)
  })

  it('rejects a malformed cursor with 400', async () => {
    for (const since of ['abc', '-1', '1.5', '01']) {
      expectErrorBody(await testApp.app.inject(`/api/v1/catalogue/changes?since=${since}`), 400, 'VALIDATION_FAILED')
    }
  })

  it('is compressed on the wire when the client accepts it', async () => {
    const response = await testApp.app.inject({ url: '/api/v1/catalogue/changes', headers: { 'accept-encoding': 'gzip' } })
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(response.rawPayload).toString('utf8'))).toMatchObject({ full: true })
  })
})
