import { mkdtemp, rm, writeFile, copyFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ServiceItem } from '../../../contract/guides.ts'
import { importGuides } from '../../../server/src/guides/import-guides.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { guideEntry, importFile, material } from './guide-factories.ts'

let testApp: TestApp
let importDir: string
const fixturePdf = join(import.meta.dirname, '..', 'fixtures', 'forms', 'social-organisation-application.pdf')
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

beforeAll(async () => {
  testApp = await buildTestApp()
  importDir = await mkdtemp(join(tmpdir(), 'kdl-import-'))
  await mkdir(join(importDir, 'forms'))
  await copyFile(fixturePdf, join(importDir, 'forms', 'blank.pdf'))
  await writeFile(join(importDir, 'forms', 'fake.pdf'), png)
})
afterAll(async () => {
  await testApp.close()
  await rm(importDir, { recursive: true, force: true })
})

const importWithAttachments = (entries: unknown[]) =>
  testApp.db.transaction().execute((trx) => importGuides(trx, importFile(entries), { attachments: { baseDir: importDir, storage: testApp.storage } }))
const formMaterial = (blankForm: unknown) => material({ id: 'application-form', name: '测试申请表', electronicForm: true, blankForm: blankForm as never })

it('stores an attached file and writes its FileRef into the guide; re-importing it changes nothing', async () => {
  const entry = guideEntry('ATTACH000001', { materials: [formMaterial({ path: 'forms/blank.pdf', fileName: '测试申请表（空白表格）.pdf' })] })
  const [result] = (await importWithAttachments([entry])).guides
  expect(result).toMatchObject({ outcome: 'published', version: 1, errors: [] })
  const item = (await testApp.app.inject('/api/v1/items/ATTACH000001')).json<ServiceItem>()
  const ref = item.guide.materials![0]!.blankForm!
  expect(ref).toMatchObject({ fileName: '测试申请表（空白表格）.pdf', mediaType: 'application/pdf' })
  expect(await testApp.storage.has(ref.sha256)).toBe(true)
  const download = await testApp.app.inject(ref.url)
  expect(download.statusCode).toBe(200)
  expect(download.headers['content-type']).toBe('application/pdf')

  const [again] = (await importWithAttachments([entry])).guides
  expect(again).toMatchObject({ outcome: 'unchanged', version: 1 })
})

it('names the file after the path when no fileName is given', async () => {
  const [result] = (await importWithAttachments([guideEntry('ATTACH000002', { materials: [formMaterial({ path: 'forms/blank.pdf' })] })])).guides
  expect(result?.outcome).toBe('published')
  const item = (await testApp.app.inject('/api/v1/items/ATTACH000002')).json<ServiceItem>()
  expect(item.guide.materials![0]!.blankForm).toMatchObject({ fileName: 'blank.pdf' })
})

it('rejects a guide whose attachment is missing, writing nothing, and imports the others', async () => {
  const before = await testApp.countRows()
  const report = await importWithAttachments([
    guideEntry('ATTACH000003', { materials: [formMaterial({ path: 'forms/missing.pdf' })] }),
    guideEntry('ATTACH000004', { materials: [formMaterial({ path: 'forms/fake.pdf' })] }),
  ])
  expect(report.guides.map((guide) => [guide.code, guide.outcome])).toEqual([
    ['ATTACH000003', 'rejected'],
    ['ATTACH000004', 'rejected'],
  ])
  expect(report.guides[0]!.errors).toEqual([{ path: '/guide/materials/0/blankForm/path', message: '找不到附件文件“forms/missing.pdf”' }])
  expect(report.guides[1]!.errors).toEqual([{ path: '/guide/materials/0/blankForm', message: '文件“fake.pdf”的内容不是 .pdf 文件（实际为 .png）' }])
  expect(await testApp.countRows()).toEqual(before)
})

it('refuses attachments where no directory is given, and a FileRef naming a file that is not stored', async () => {
  const withoutSource = await testApp.db.transaction().execute((trx) =>
    importGuides(trx, importFile([guideEntry('ATTACH000005', { materials: [formMaterial({ path: 'forms/blank.pdf' })] })])),
  )
  expect(withoutSource.guides[0]).toMatchObject({ outcome: 'rejected', errors: [{ path: '/guide/materials/0/blankForm' }] })
  const unknownRef = { sha256: 'f'.repeat(64), fileName: 'x.pdf', mediaType: 'application/pdf', bytes: 1, url: '/x' }
  const [result] = (await importWithAttachments([guideEntry('ATTACH000006', { materials: [formMaterial(unknownRef)] })])).guides
  expect(result).toMatchObject({ outcome: 'rejected', errors: [{ path: '/guide/materials/0/blankForm/sha256' }] })
})
