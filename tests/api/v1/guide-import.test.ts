import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServiceItem } from '../../../contract/guides.ts'
import { importGuides } from '../../../server/src/guides/import-guides.ts'
import { publishGuide, withdrawItem } from '../../../server/src/guides/publish.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { completeGuide, guideEntry, importFile, material } from './guide-factories.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

const importEntries = (entries: unknown[]) => testApp.db.transaction().execute((trx) => importGuides(trx, importFile(entries)))
const getItem = async (code: string) => (await testApp.app.inject(`/api/v1/items/${code}`)).json<ServiceItem>()

describe('publishing rules (第七条(一)) through the publish service', () => {
  const code = '1115020300011500100001'

  it('keeps a guide with a catch-all material and one without basis as a draft with its problems; the published version is untouched', async () => {
    const before = await getItem(code)
    const guide = completeGuide({ materials: [material({ name: '其他有关材料' }), material({ id: 'hukou', name: '户口簿', legalBases: [] })] })
    const outcome = await testApp.db.transaction().execute((trx) =>
      publishGuide(trx, { code, basicCode: before.basicCode, implementationCode: before.implementationCode, popularity: 1, content: guide }),
    )
    expect(outcome.outcome).toBe('draft')
    expect(outcome.version).toBe(before.current.version + 1)
    expect(outcome.problems.filter((problem) => problem.severity === 'blocking').map((problem) => problem.message)).toEqual([
      '申请材料“其他有关材料”是模糊性兜底表述，不得发布（第七条（一））',
      '申请材料“户口簿”未列明设定依据（第七条（一））',
    ])
    expect(await getItem(code)).toEqual(before)
    const draft = await testApp.db.selectFrom('guide_versions').selectAll().where('item_code', '=', code).where('status', '=', 'draft').executeTakeFirstOrThrow()
    expect(draft.problems).toEqual(outcome.problems)
  })

  it('never lists an item whose only guide is a draft', async () => {
    const [result] = (await importEntries([guideEntry('DRAFTONLY0001', { materials: [material({ name: '相关材料' })] })])).guides
    expect(result).toMatchObject({ outcome: 'draft', version: 1 })
    expect((await testApp.app.inject('/api/v1/items/DRAFTONLY0001')).statusCode).toBe(404)
    const { changed } = (await testApp.app.inject('/api/v1/catalogue/changes')).json<{ changed: { code: string }[] }>()
    expect(changed.map((entry) => entry.code)).not.toContain('DRAFTONLY0001')
  })
})

describe('versions (第八条)', () => {
  const code = 'VERSIONED0001'

  it('publishes changed content as v2 with its change note and lists v1 in the history; identical content is unchanged', async () => {
    expect((await importEntries([guideEntry(code, {}, { effectiveDate: '2026-01-01' })])).guides[0]).toMatchObject({ outcome: 'published', version: 1 })
    const changed = guideEntry(code, { materials: [material({ name: '居民户口簿（原件）' })] }, { effectiveDate: '2026-03-01', changeNote: '依据新规调整户口簿要求' })
    expect((await importEntries([changed])).guides[0]).toMatchObject({ outcome: 'published', version: 2 })

    const item = await getItem(code)
    expect(item.current).toMatchObject({ version: 2, effectiveDate: '2026-03-01', changeNote: '依据新规调整户口簿要求' })
    expect(item.history.map((version) => version.version)).toEqual([1])
    expect(item.history[0]).toMatchObject({ effectiveDate: '2026-01-01', changeNote: null })
    expect(item.guide.materials?.[0]?.name).toBe('居民户口簿（原件）')

    expect((await importEntries([changed])).guides[0]).toMatchObject({ outcome: 'unchanged', version: 2 })
    expect((await getItem(code)).history).toHaveLength(1)
  })
})

describe('partial imports (real platforms export partial guides)', () => {
  it('publishes a guide with absent fields as null, reporting each 第六条 element, and keeps unknown fields in sourceExtra', async () => {
    const { name, departmentId, audiences, materials } = completeGuide()
    const entry = {
      code: 'PARTIAL00001',
      basicCode: '000115009000',
      sourcePlatform: '内蒙古政务服务网',
      guide: { name, departmentId, audiences, materials: [{ ...materials![0], colour: 'blue' }], 办件类型说明: '承诺件' },
    }
    const [result] = (await importEntries([entry])).guides
    expect(result).toMatchObject({ outcome: 'published', version: 1 })
    const missing = result!.problems.filter((problem) => problem.severity === 'missing').map((problem) => problem.element)
    expect(missing).toEqual(expect.arrayContaining(['事项类型', '设定依据', '实施主体', '法定办结时限', '承诺办结时限', '办理地点', '咨询方式', '监督投诉方式', '到现场次数']))
    expect(result!.defaulted).toEqual(expect.arrayContaining(['/guide/itemType', '/guide/hours', '/guide/situations', '/guide/keywords']))
    expect(result!.kept).toEqual(['/sourcePlatform', '/guide/materials/0/colour', '/guide/办件类型说明'])

    const item = await getItem('PARTIAL00001')
    expect(item.guide).toMatchObject({ itemType: null, hours: null, promisedTimeLimit: null, visitsRequired: null, situations: [], keywords: [] })
    expect(item.guide.sourceExtra).toEqual({ '/guide/materials/0/colour': 'blue', '/guide/办件类型说明': '承诺件', '/sourcePlatform': '内蒙古政务服务网' })
  })

  it('rejects a guide with a field of the wrong type, names the field, and writes nothing for it', async () => {
    const before = await testApp.countRows()
    const report = await importEntries([guideEntry('WRONGTYPE001', { visitsRequired: '一次' as never, materials: [material({ required: 'yes' as never })] })])
    expect(report.guides[0]).toMatchObject({ outcome: 'rejected', version: null, code: 'WRONGTYPE001' })
    expect(report.guides[0]!.errors.map((error) => error.path)).toEqual(['/guide/materials/0/required', '/guide/visitsRequired'])
    expect(report.guides[0]!.errors[0]!.message).toMatch(/^类型错误：应为布尔值/)
    expect(await testApp.countRows()).toEqual(before)
  })

  it('rejects a guide of an unknown department or without its codes', async () => {
    const report = await importEntries([guideEntry('NODEPT000001', { departmentId: 'no-such-department' }), { guide: completeGuide() }])
    expect(report.guides.map((guide) => guide.outcome)).toEqual(['rejected', 'rejected'])
    expect(report.guides[1]!.errors.map((error) => error.path)).toEqual(['/code', '/basicCode'])
  })

  it('refuses a file in another format as a whole', async () => {
    await expect(testApp.db.transaction().execute((trx) => importGuides(trx, { format: 'other/1', guides: [] }))).rejects.toThrow(/不支持的格式/)
  })
})

describe('withdrawing', () => {
  it('takes an item out: 404 and listed as withdrawn by the feed', async () => {
    await importEntries([guideEntry('WITHDRAWN001')])
    const { cursor } = (await testApp.app.inject('/api/v1/catalogue/changes')).json<{ cursor: string }>()
    expect(await testApp.db.transaction().execute((trx) => withdrawItem(trx, 'WITHDRAWN001'))).toBe(true)
    expect((await testApp.app.inject('/api/v1/items/WITHDRAWN001')).statusCode).toBe(404)
    const changes = (await testApp.app.inject(`/api/v1/catalogue/changes?since=${cursor}`)).json<{ withdrawn: string[]; changed: unknown[] }>()
    expect(changes).toMatchObject({ withdrawn: ['WITHDRAWN001'], changed: [] })
  })
})
