import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { inflateSync } from 'node:zlib'
import PDFDocument from 'pdfkit'
import { blankLine, formsDate, paragraphParts, sampleBanner, sampleWatermark, type FieldSection, type FormDefinition, type ResultSampleDefinition, type TableSection, type TextSection } from './form-definition.ts'

// A4 PDFs with Noto Sans SC embedded as a subset (only the glyphs used), so a form stays small
// and prints the same everywhere. Fixed dates and IDs make regeneration byte-identical.

const require = createRequire(import.meta.url)
const fontDir = `${require.resolve('@fontsource/noto-sans-sc/package.json').replace(/package\.json$/, '')}files/`

/**
 * WOFF to plain OpenType, once: fontkit re-inflates a WOFF table on every access, which made each
 * CJK form take seconds; the unpacked font is parsed as fast as a .otf file.
 */
function unpackWoff(path: string): Buffer {
  const woff = readFileSync(path)
  const tableCount = woff.readUInt16BE(12)
  const tables = Array.from({ length: tableCount }, (_unused, index) => {
    const entry = 44 + index * 20
    const offset = woff.readUInt32BE(entry + 4)
    const compressed = woff.readUInt32BE(entry + 8)
    const length = woff.readUInt32BE(entry + 12)
    const raw = woff.subarray(offset, offset + compressed)
    return { tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), data: compressed < length ? inflateSync(raw) : raw }
  })
  const header = Buffer.alloc(12 + 16 * tableCount)
  header.writeUInt32BE(woff.readUInt32BE(4), 0)
  const power = 2 ** Math.floor(Math.log2(tableCount))
  header.writeUInt16BE(tableCount, 4)
  header.writeUInt16BE(power * 16, 6)
  header.writeUInt16BE(Math.log2(power), 8)
  header.writeUInt16BE(tableCount * 16 - power * 16, 10)
  const bodies: Buffer[] = []
  let offset = header.length
  tables.forEach((table, index) => {
    const entry = 12 + index * 16
    header.writeUInt32BE(table.tag, entry)
    header.writeUInt32BE(table.checksum, entry + 4)
    header.writeUInt32BE(offset, entry + 8)
    header.writeUInt32BE(table.data.length, entry + 12)
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4)
    table.data.copy(padded)
    bodies.push(padded)
    offset += padded.length
  })
  return Buffer.concat([header, ...bodies])
}

const regularFont = unpackWoff(`${fontDir}noto-sans-sc-chinese-simplified-400-normal.woff`)
const boldFont = unpackWoff(`${fontDir}noto-sans-sc-chinese-simplified-700-normal.woff`)

const margin = 50
const pageWidth = 595.28
const pageHeight = 841.89
const contentWidth = pageWidth - 2 * margin
const bottom = pageHeight - margin - 20
const labelWidth = 92
const cellPadding = 5
const fillColour = '#1a4fa0'

type Doc = PDFKit.PDFDocument

function newDocument(title: string, subject: string): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    info: { Title: title, Subject: subject, Author: '昆都仑区政务服务', Creator: '昆都仑区政务服务 forms:generate', CreationDate: formsDate, ModDate: formsDate },
  })
  doc.registerFont('regular', regularFont)
  doc.registerFont('bold', boldFont)
  return doc.font('regular')
}

function finish(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.end()
  return done
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom) doc.addPage()
}

function watermark(doc: Doc, text: string): void {
  doc.save()
  doc.rotate(-35, { origin: [pageWidth / 2, pageHeight / 2] })
  doc.font('bold').fontSize(120).fillColor('#d33', 0.12)
  doc.text(text, 0, pageHeight / 2 - 80, { width: pageWidth, align: 'center', lineBreak: false })
  doc.restore()
  doc.fillColor('black', 1)
}

/** Header band, page numbers and (on samples) the watermark, on every page once the content is laid out. */
function decoratePages(doc: Doc, footer: string, mark: string | null): void {
  const range = doc.bufferedPageRange()
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index)
    if (mark) watermark(doc, mark)
    doc.font('regular').fontSize(8).fillColor('#555')
    doc.text(`${footer}    第 ${index + 1} 页 / 共 ${range.count} 页`, margin, pageHeight - margin + 5, { width: contentWidth, align: 'center', lineBreak: false })
    doc.fillColor('black')
  }
}

function heading(doc: Doc, title: string, subtitle: string | undefined, banner: string | null): void {
  if (banner) {
    doc.font('bold').fontSize(10).fillColor('#c00')
    const width = doc.widthOfString(banner) + 12
    doc.rect(pageWidth - margin - width, margin - 22, width, 18).lineWidth(1).strokeColor('#c00').stroke()
    doc.text(banner, pageWidth - margin - width + 6, margin - 18, { lineBreak: false })
    doc.fillColor('black').strokeColor('black')
  }
  doc.font('bold').fontSize(18).text(title, margin, margin + 4, { width: contentWidth, align: 'center' })
  if (subtitle) doc.font('regular').fontSize(9.5).fillColor('#333').text(subtitle, { width: contentWidth, align: 'center' }).fillColor('black')
  doc.moveDown(0.8)
}

function sectionTitle(doc: Doc, title: string | undefined): void {
  if (!title) return
  ensureRoom(doc, 40)
  doc.font('bold').fontSize(11).text(title, margin, doc.y, { width: contentWidth })
  doc.moveDown(0.25)
}

/** One row of cells: [label, value] pairs, two per row or one wide. */
function fieldRow(doc: Doc, cells: { label: string; value: string; lines: number }[], filled: boolean): void {
  const valueWidth = cells.length === 1 ? contentWidth - labelWidth : (contentWidth - 2 * labelWidth) / 2
  doc.fontSize(9.5)
  const heights = cells.map((cell) => {
    const labelHeight = doc.font('regular').heightOfString(cell.label, { width: labelWidth - 2 * cellPadding })
    const valueHeight = cell.value ? doc.heightOfString(cell.value, { width: valueWidth - 2 * cellPadding }) : 0
    return Math.max(labelHeight, valueHeight, cell.lines * 14) + 2 * cellPadding + 2
  })
  const height = Math.max(22, ...heights)
  ensureRoom(doc, height)
  const top = doc.y
  let x = margin
  for (const cell of cells) {
    doc.rect(x, top, labelWidth, height).fillAndStroke('#f1f3f6', 'black').fillColor('black')
    doc.font('regular').fontSize(9.5).text(cell.label, x + cellPadding, top + cellPadding + 1, { width: labelWidth - 2 * cellPadding })
    doc.rect(x + labelWidth, top, valueWidth, height).stroke()
    if (filled && cell.value) {
      doc.fillColor(fillColour).text(cell.value, x + labelWidth + cellPadding, top + cellPadding + 1, { width: valueWidth - 2 * cellPadding }).fillColor('black')
    }
    x += labelWidth + valueWidth
  }
  doc.x = margin
  doc.y = top + height
}

function fields(doc: Doc, section: FieldSection, filled: boolean): void {
  sectionTitle(doc, section.title)
  doc.lineWidth(0.7)
  let pending: { label: string; value: string; lines: number }[] = []
  for (const field of section.fields) {
    const cell = { label: field.label, value: field.sample, lines: field.lines ?? 1 }
    if (field.wide) {
      if (pending.length > 0) fieldRow(doc, pending, filled)
      pending = []
      fieldRow(doc, [cell], filled)
      continue
    }
    pending.push(cell)
    if (pending.length === 2) {
      fieldRow(doc, pending, filled)
      pending = []
    }
  }
  if (pending.length === 1) fieldRow(doc, [{ ...pending[0]!, lines: pending[0]!.lines }], filled)
  doc.moveDown(0.6)
}

function table(doc: Doc, section: TableSection, filled: boolean): void {
  sectionTitle(doc, section.title)
  const columnWidth = contentWidth / section.columns.length
  const rows = filled ? section.sampleRows : Array.from({ length: section.blankRows }, () => section.columns.map(() => ''))
  const drawRow = (cells: string[], header: boolean) => {
    doc.fontSize(header ? 9 : 9.5).font(header ? 'bold' : 'regular')
    const height = Math.max(22, ...cells.map((cell) => doc.heightOfString(cell || ' ', { width: columnWidth - 2 * cellPadding }) + 2 * cellPadding + 2))
    ensureRoom(doc, height)
    const top = doc.y
    cells.forEach((cell, index) => {
      const x = margin + index * columnWidth
      if (header) doc.rect(x, top, columnWidth, height).fillAndStroke('#f1f3f6', 'black').fillColor('black')
      else doc.rect(x, top, columnWidth, height).stroke()
      if (cell) {
        doc.fillColor(header ? 'black' : fillColour).text(cell, x + cellPadding, top + cellPadding + 1, { width: columnWidth - 2 * cellPadding, align: 'center' }).fillColor('black')
      }
    })
    doc.x = margin
    doc.y = top + height
  }
  doc.lineWidth(0.7)
  drawRow(section.columns, true)
  for (const row of rows) drawRow(row, false)
  doc.font('regular').moveDown(0.6)
}

function text(doc: Doc, section: TextSection, filled: boolean): void {
  sectionTitle(doc, section.title)
  doc.font('regular').fontSize(11)
  for (const paragraph of section.paragraphs) {
    ensureRoom(doc, 40)
    const parts = paragraphParts(paragraph)
    doc.text('', margin, doc.y, { continued: true, width: contentWidth, indent: 22, lineGap: 6 })
    parts.forEach((part, index) => {
      const last = index === parts.length - 1
      if (!part.blank) doc.fillColor('black').text(part.text, { continued: !last, underline: false })
      else if (filled) doc.fillColor(fillColour).text(` ${part.blank.sample} `, { continued: !last, underline: true })
      else doc.fillColor('black').text(blankLine(part.blank.label), { continued: !last, underline: false })
    })
    doc.fillColor('black').moveDown(0.5)
  }
  doc.moveDown(0.4)
}

function signatures(doc: Doc, definition: FormDefinition, filled: boolean): void {
  doc.fontSize(10.5).font('regular')
  for (const signature of definition.signatures) {
    ensureRoom(doc, 30)
    const top = doc.y
    doc.text(`${signature.label}：`, margin + 200, top, { continued: true })
    if (filled) doc.fillColor(fillColour).text(signature.sample, { continued: true }).fillColor('black').text('    日期：', { continued: true }).fillColor(fillColour).text('2025年3月15日').fillColor('black')
    else doc.text('________________    日期：______年____月____日')
    doc.moveDown(0.7)
  }
}

function notes(doc: Doc, lines: string[]): void {
  if (lines.length === 0) return
  ensureRoom(doc, 50)
  doc.moveDown(0.4).font('bold').fontSize(10).text('填表说明', margin, doc.y)
  doc.font('regular').fontSize(8.8)
  lines.forEach((line, index) => doc.text(`${index + 1}. ${line}`, { width: contentWidth, lineGap: 2 }))
}

/** A blank form, or its sample filled in with the definition's fictitious applicant. */
export async function renderFormPdf(definition: FormDefinition, filled: boolean): Promise<Buffer> {
  const doc = newDocument(definition.title, filled ? '示范样表（示例内容）' : '空白表格')
  heading(doc, definition.title, definition.subtitle, filled ? sampleBanner : null)
  for (const section of definition.sections) {
    if (section.kind === 'fields') fields(doc, section, filled)
    else if (section.kind === 'table') table(doc, section, filled)
    else text(doc, section, filled)
  }
  signatures(doc, definition, filled)
  notes(doc, definition.notes)
  decoratePages(doc, filled ? '示范样表：所填内容均为虚构示例，仅供参照填写' : '昆都仑区政务服务中心 空白表格（可复印使用）', filled ? sampleWatermark : null)
  return finish(doc)
}

/** A 结果样本: the certificate or notice in a double frame, marked 样本 on every page. */
export async function renderResultSamplePdf(definition: ResultSampleDefinition): Promise<Buffer> {
  const doc = newDocument(`${definition.title}（样本）`, '结果样本（示例内容）')
  doc.lineWidth(2.5).rect(margin - 10, margin - 10, contentWidth + 20, 460).stroke()
  doc.lineWidth(0.8).rect(margin - 4, margin - 4, contentWidth + 8, 448).stroke()
  doc.font('bold').fontSize(24).text(definition.title, margin, margin + 30, { width: contentWidth, align: 'center', characterSpacing: 4 })
  doc.font('regular').fontSize(10).fillColor('#c00').text('样 本', { width: contentWidth, align: 'center' }).fillColor('black').moveDown(1.2)
  doc.fontSize(11.5)
  for (const field of definition.fields) {
    doc.font('bold').text(`${field.label}：`, margin + 40, doc.y, { continued: true, width: contentWidth - 80 }).font('regular').text(field.value)
    doc.moveDown(0.35)
  }
  for (const paragraph of definition.paragraphs ?? []) doc.text(paragraph, margin + 40, doc.y, { width: contentWidth - 80, indent: 22, lineGap: 4 }).moveDown(0.4)
  doc.font('regular').fontSize(11).text(definition.issuer, margin, margin + 380, { width: contentWidth - 40, align: 'right' })
  doc.text('2025年3月15日', { width: contentWidth - 40, align: 'right' })
  doc.fontSize(9).fillColor('#555').text('本样本仅用于展示证照式样，内容均为虚构，不具有法律效力。', margin, margin + 470, { width: contentWidth, align: 'center' })
  decoratePages(doc, '结果样本：内容虚构，仅供参考', '样本')
  return finish(doc)
}
