import ExcelJS from 'exceljs'
import { formsDate, type FormDefinition } from './form-definition.ts'
import { reproducibleOfficeZip } from './reproducible-zip.ts'

// The blank form as an Excel workbook, for tabular forms (rosters) that units fill in on a
// computer and hand in as a file: the fields on one sheet, each list on a sheet of its own.

const thin = { style: 'thin' as const }
const box = { top: thin, left: thin, bottom: thin, right: thin }
const labelFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF1F3F6' } }

/** The blank form as XLSX, byte-identical on every run. */
export async function renderFormXlsx(definition: FormDefinition): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '昆都仑区政务服务'
  workbook.lastModifiedBy = '昆都仑区政务服务'
  workbook.created = formsDate
  workbook.modified = formsDate
  workbook.title = definition.title

  const main = workbook.addWorksheet(definition.title.slice(0, 31), { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true } })
  main.columns = [{ width: 18 }, { width: 30 }, { width: 18 }, { width: 30 }]
  main.mergeCells('A1:D1')
  main.getCell('A1').value = definition.title
  main.getCell('A1').font = { bold: true, size: 16 }
  main.getCell('A1').alignment = { horizontal: 'center' }
  let row = 3
  for (const section of definition.sections) {
    if (section.kind === 'table') {
      const sheet = workbook.addWorksheet((section.title ?? '名单').slice(0, 31), { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true } })
      sheet.mergeCells(1, 1, 1, section.columns.length)
      sheet.getCell(1, 1).value = `${definition.title}：${section.title ?? ''}`
      sheet.getCell(1, 1).font = { bold: true, size: 14 }
      const header = sheet.getRow(3)
      section.columns.forEach((column, index) => {
        const cell = header.getCell(index + 1)
        cell.value = column
        cell.font = { bold: true }
        cell.fill = labelFill
        cell.border = box
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
        sheet.getColumn(index + 1).width = Math.max(12, column.length * 2.6)
      })
      for (let blank = 0; blank < section.blankRows; blank++) {
        section.columns.forEach((_column, index) => (sheet.getCell(4 + blank, index + 1).border = box))
      }
      sheet.views = [{ state: 'frozen', ySplit: 3 }]
      continue
    }
    if (section.title) {
      main.mergeCells(row, 1, row, 4)
      main.getCell(row, 1).value = section.title
      main.getCell(row, 1).font = { bold: true }
      row++
    }
    if (section.kind === 'text') {
      for (const paragraph of section.paragraphs) {
        main.mergeCells(row, 1, row, 4)
        main.getCell(row, 1).value = paragraph.replace(/\{([^|{}]+)\|[^{}]*\}/g, '________')
        main.getCell(row, 1).alignment = { wrapText: true }
        row++
      }
      continue
    }
    let column = 1
    for (const field of section.fields) {
      if (field.wide && column !== 1) {
        row++
        column = 1
      }
      const label = main.getCell(row, column)
      label.value = field.label
      label.fill = labelFill
      label.border = box
      label.alignment = { vertical: 'middle', wrapText: true }
      if (field.wide) main.mergeCells(row, 2, row, 4)
      main.getCell(row, column + 1).border = box
      if (field.wide || column === 3) {
        row++
        column = 1
      } else column = 3
    }
    if (column !== 1) row++
    row++
  }
  for (const signature of definition.signatures) {
    main.getCell(row, 3).value = `${signature.label}：`
    main.getCell(row, 4).value = '日期：    年   月   日'
    row += 2
  }
  if (definition.notes.length > 0) {
    main.getCell(row, 1).value = '填表说明'
    main.getCell(row, 1).font = { bold: true }
    for (const [index, note] of definition.notes.entries()) {
      row++
      main.mergeCells(row, 1, row, 4)
      main.getCell(row, 1).value = `${index + 1}. ${note}`
      main.getCell(row, 1).alignment = { wrapText: true }
    }
  }
  return reproducibleOfficeZip(new Uint8Array(await workbook.xlsx.writeBuffer()))
}
