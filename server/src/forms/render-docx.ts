import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, ShadingType } from 'docx'
import { blankLine, paragraphParts, type FormDefinition } from './form-definition.ts'
import { reproducibleOfficeZip } from './reproducible-zip.ts'

// The blank form as an editable Word document, for halls that hand out .docx to fill in on a
// computer. Same definition as the PDF; only the blank copy is produced.

const font = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' }
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const borders = { top: border, bottom: border, left: border, right: border }

const run = (text: string, options: { bold?: boolean; size?: number } = {}) => new TextRun({ text, font, bold: options.bold, size: options.size ?? 22 })

function labelCell(text: string, widthPercent: number): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [run(text)] })],
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    shading: { type: ShadingType.CLEAR, fill: 'F1F3F6', color: 'auto' },
    borders,
  })
}

function valueCell(widthPercent: number, columnSpan = 1, lines = 1): TableCell {
  return new TableCell({
    children: Array.from({ length: lines }, () => new Paragraph({ children: [run('')] })),
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    columnSpan,
    borders,
  })
}

function fieldsTable(fields: FormDefinition['sections'][number] & { kind: 'fields' }): Table {
  const rows: TableRow[] = []
  let pending: TableCell[] = []
  for (const field of fields.fields) {
    if (field.wide) {
      if (pending.length > 0) rows.push(new TableRow({ children: [...pending, valueCell(0, 2)] }))
      pending = []
      rows.push(new TableRow({ children: [labelCell(field.label, 17), valueCell(83, 3, field.lines ?? 1)] }))
      continue
    }
    pending.push(labelCell(field.label, 17), valueCell(33, 1, field.lines ?? 1))
    if (pending.length === 4) {
      rows.push(new TableRow({ children: pending }))
      pending = []
    }
  }
  if (pending.length > 0) rows.push(new TableRow({ children: [pending[0]!, valueCell(83, 3)] }))
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } })
}

/** The blank form as DOCX, byte-identical on every run. */
export async function renderFormDocx(definition: FormDefinition): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(definition.title, { bold: true, size: 36 })] }),
  ]
  if (definition.subtitle) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(definition.subtitle, { size: 19 })] }))
  for (const section of definition.sections) {
    if (section.title) children.push(new Paragraph({ spacing: { before: 200, after: 80 }, children: [run(section.title, { bold: true })] }))
    if (section.kind === 'fields') children.push(fieldsTable(section))
    else if (section.kind === 'table') {
      const header = new TableRow({ tableHeader: true, children: section.columns.map((column) => labelCell(column, Math.floor(100 / section.columns.length))) })
      const empty = Array.from({ length: section.blankRows }, () => new TableRow({ children: section.columns.map(() => valueCell(Math.floor(100 / section.columns.length))) }))
      children.push(new Table({ rows: [header, ...empty], width: { size: 100, type: WidthType.PERCENTAGE } }))
    } else {
      for (const paragraph of section.paragraphs) {
        const parts = paragraphParts(paragraph).map((part) => run(part.blank ? blankLine(part.blank.label) : part.text, { size: 24 }))
        children.push(new Paragraph({ indent: { firstLine: 480 }, spacing: { line: 420 }, children: parts }))
      }
    }
  }
  for (const signature of definition.signatures) {
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 240 }, children: [run(`${signature.label}：________________    日期：______年____月____日`)] }))
  }
  if (definition.notes.length > 0) {
    children.push(new Paragraph({ spacing: { before: 300, after: 80 }, children: [run('填表说明', { bold: true })] }))
    definition.notes.forEach((note, index) => children.push(new Paragraph({ children: [run(`${index + 1}. ${note}`, { size: 18 })] })))
  }
  const document = new Document({
    creator: '昆都仑区政务服务',
    lastModifiedBy: '昆都仑区政务服务',
    title: definition.title,
    description: '空白表格',
    revision: 1,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children }],
  })
  return reproducibleOfficeZip(await Packer.toBuffer(document))
}
