import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { describeFile, DiskFileStorage, fileUrl, FileRejectedError } from '../../../../server/src/files/file-storage.ts'
import { sniffMediaType } from '../../../../server/src/files/media-types.ts'

const pdf = (text = 'hello') => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`)
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const pdfType = 'application/pdf'
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

let root: string
let storage: DiskFileStorage
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kdl-files-'))
  storage = new DiskFileStorage(root)
})
afterEach(() => rm(root, { recursive: true, force: true }))

describe('describeFile', () => {
  it('gives a deterministic FileRef whose url carries the hash and the encoded name', () => {
    const ref = describeFile(pdf(), { fileName: '居民身份证申领登记表.pdf', mediaType: pdfType })
    expect(ref).toEqual(describeFile(pdf(), { fileName: '居民身份证申领登记表.pdf', mediaType: pdfType }))
    expect(ref.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(ref.bytes).toBe(pdf().byteLength)
    expect(ref.url).toBe(`/api/v1/files/${ref.sha256}/${encodeURIComponent('居民身份证申领登记表.pdf')}`)
    expect(ref.url).toBe(fileUrl(ref.sha256, ref.fileName))
  })

  it('refuses a .pdf that is a PNG, naming what it really is', () => {
    expect(() => describeFile(png, { fileName: '表格.pdf', mediaType: pdfType })).toThrow(/不是 \.pdf 文件（实际为 \.png）/)
  })

  it('refuses a ZIP that is not a Word document as .docx', () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook.xml')])
    expect(sniffMediaType(zip)?.extensions).toEqual(['.xlsx'])
    expect(() => describeFile(zip, { fileName: '委托书.docx', mediaType: docxType })).toThrow(FileRejectedError)
  })

  it('refuses types outside the allowlist, names that disagree with the type, paths and empty files', () => {
    expect(() => describeFile(pdf(), { fileName: 'a.html', mediaType: 'text/html' })).toThrow(/不接受 text\/html/)
    expect(() => describeFile(pdf(), { fileName: 'a.png', mediaType: pdfType })).toThrow(/扩展名/)
    expect(() => describeFile(pdf(), { fileName: '../a.pdf', mediaType: pdfType })).toThrow(/文件名/)
    expect(() => describeFile(Buffer.alloc(0), { fileName: 'a.pdf', mediaType: pdfType })).toThrow(/为空/)
  })

  it('refuses a file over its type’s size limit', () => {
    const big = Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024)])
    expect(() => describeFile(big, { fileName: 'big.pdf', mediaType: pdfType })).toThrow(/过大/)
  })
})

describe('DiskFileStorage', () => {
  it('stores content under <aa>/<sha256> and opens it with its size', async () => {
    const ref = await storage.put(pdf(), { fileName: 'a.pdf', mediaType: pdfType })
    expect(await readFile(join(root, ref.sha256.slice(0, 2), ref.sha256))).toEqual(pdf())
    expect(await storage.has(ref.sha256)).toBe(true)
    const opened = await storage.open(ref.sha256)
    expect(opened?.bytes).toBe(ref.bytes)
    const chunks: Buffer[] = []
    for await (const chunk of opened!.stream) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks)).toEqual(pdf())
  })

  it('stores identical content once, whatever it is called, and leaves no temporary files', async () => {
    const refs = await Promise.all([
      storage.put(pdf(), { fileName: 'a.pdf', mediaType: pdfType }),
      storage.put(pdf(), { fileName: 'b.pdf', mediaType: pdfType }),
      storage.put(pdf(), { fileName: 'a.pdf', mediaType: pdfType }),
    ])
    expect(new Set(refs.map((ref) => ref.sha256)).size).toBe(1)
    const files = await readdir(join(root, refs[0]!.sha256.slice(0, 2)))
    expect(files).toEqual([refs[0]!.sha256])
  })

  it('writes nothing for a refused file', async () => {
    await expect(storage.put(png, { fileName: 'x.pdf', mediaType: pdfType })).rejects.toThrow(FileRejectedError)
    expect(await readdir(root)).toEqual([])
  })

  it('answers null and false for unknown or malformed hashes', async () => {
    expect(await storage.open('0'.repeat(64))).toBeNull()
    expect(await storage.has('../../etc/passwd')).toBe(false)
    expect(await storage.open('../../etc/passwd')).toBeNull()
  })
})
