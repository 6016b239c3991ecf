import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { extractText, getDocumentProxy } from 'unpdf'
import type { FileRef, ServiceItem } from '../../contract/guides.ts'
import { serviceItemsRepository } from '../../server/src/repositories/service-items-repository.ts'
import { seedDemoData } from '../../server/src/seed/index.ts'
import { buildTestApp, type TestApp } from './support/test-app.ts'

// The checked-in catalogue's forms (server/seed/forms, 第七条(二)): every form material has its
// blank and sample form, and every file is served with its type and really is what it says.

let testApp: TestApp
let items: ServiceItem[]
beforeAll(async () => {
  testApp = await buildTestApp({ SEED_DEMO: 'false' })
  await seedDemoData(testApp.db, { storage: testApp.storage })
  const codes = (await serviceItemsRepository(testApp.db).listEntries({ page: 1, pageSize: 100 })).items.map((entry) => entry.code)
  items = await Promise.all(codes.map(async (code) => (await testApp.app.inject(`/api/v1/items/${code}`)).json<ServiceItem>()))
}, 120_000)
afterAll(() => testApp.close())

const pdfText = async (bytes: Uint8Array) => (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text.replace(/\s+/g, '')

async function download(ref: FileRef): Promise<Buffer> {
  const response = await testApp.app.inject(ref.url)
  expect(response.statusCode, ref.url).toBe(200)
  expect(response.headers['content-type']).toBe(ref.mediaType)
  expect(Number(response.headers['content-length'])).toBe(ref.bytes)
  return response.rawPayload
}

it('gives every form material of the seed a blank and a sample form, as PDFs with the form title', async () => {
  const formMaterials = items.flatMap((item) => (item.guide.materials ?? []).filter((material) => material.electronicForm).map((material) => ({ item, material })))
  expect(formMaterials.length).toBeGreaterThanOrEqual(50)
  for (const { item, material } of formMaterials) {
    const where = `${item.code} ${material.name}`
    expect(material.blankForm, where).not.toBeNull()
    expect(material.sampleForm, where).not.toBeNull()
    const blank = await download(material.blankForm!)
    const sample = await download(material.sampleForm!)
    for (const bytes of [blank, sample]) expect(bytes.subarray(0, 5).toString('latin1'), where).toBe('%PDF-')
    const title = material.blankForm!.fileName.replace(/（空白表格）\.pdf$/, '')
    expect(await pdfText(blank), where).toContain(title)
    const sampleText = await pdfText(sample)
    expect(sampleText, where).toContain(title)
    expect(sampleText, where).toContain('示范样表')
  }
})

it('serves the editable DOCX and XLSX forms as documents with their parts and title', async () => {
  const editable = items.flatMap((item) => (item.guide.materials ?? []).flatMap((material) => material.editableForms ?? []))
  expect(editable.map((ref) => ref.mediaType).sort()).toEqual(expect.arrayContaining(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']))
  for (const ref of editable) {
    const parts = unzipSync(await download(ref))
    const title = ref.fileName.replace(/（空白表格）\.(docx|xlsx)$/, '')
    if (ref.fileName.endsWith('.docx')) expect(strFromU8(parts['word/document.xml']!)).toContain(title)
    else expect(strFromU8(parts['xl/sharedStrings.xml']!)).toContain(title.slice(0, 10))
  }
})

it('gives result samples marked 样本', async () => {
  const samples = items.flatMap((item) => (item.guide.results ?? []).flatMap((result) => (result.sample ? [result.sample] : [])))
  expect(samples.length).toBeGreaterThanOrEqual(4)
  for (const ref of samples) expect(await pdfText(await download(ref))).toContain('样本')
})
