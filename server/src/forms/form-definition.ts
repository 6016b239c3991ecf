// Blank forms (空白表格), sample forms (示范样表) and result samples (结果样本) as data: the seed's
// definitions (server/seed/forms/definitions*.ts) are rendered to PDF, and some to DOCX or XLSX,
// by server/scripts/generate-forms.ts. One definition gives both the blank and the filled copy.

/** One labelled box of a form, with what the sample form writes in it. */
export interface FormField {
  label: string
  sample: string
  /** Takes the whole row (long answers: addresses, reasons). */
  wide?: boolean
  /** Text lines the box leaves room for when blank. */
  lines?: number
}

/** A block of labelled boxes, two to a row. */
export interface FieldSection {
  kind: 'fields'
  title?: string
  fields: FormField[]
}

/** A list with columns (family members, staff, insured persons); blank copies get empty rows. */
export interface TableSection {
  kind: 'table'
  title?: string
  columns: string[]
  sampleRows: string[][]
  blankRows: number
}

/**
 * Running text with blanks, as 委托书 and 声明书 are written: `{label|sample}` is a blank in the
 * blank form and the sample value, underlined, in the sample form.
 */
export interface TextSection {
  kind: 'text'
  title?: string
  paragraphs: string[]
}

export type FormSection = FieldSection | TableSection | TextSection

export interface FormDefinition {
  /** Folder name under server/seed/forms. */
  id: string
  /** The seed materials it is the form of, as `<item code>/<material id>`. */
  usedBy: string[]
  title: string
  /** A line under the title, e.g. 编号 or the issuing department. */
  subtitle?: string
  sections: FormSection[]
  /** Who signs, e.g. 申请人（签名）; each gets a date line. */
  signatures: { label: string; sample: string }[]
  /** 填表说明. */
  notes: string[]
  /** Also produced as an editable document, as the hall hands it out. */
  editable?: 'docx' | 'xlsx'
}

/** A 结果样本: a certificate or notice as issued, clearly marked 样本, with fictitious content. */
export interface ResultSampleDefinition {
  id: string
  /** The seed results it is the sample of, as `<item code>/<result name>`. */
  usedBy: string[]
  title: string
  issuer: string
  fields: { label: string; value: string }[]
  /** Running text of a notice or proof. */
  paragraphs?: string[]
}

/** The date every generated document carries, so regenerating gives the same bytes. */
export const formsDate = new Date('2025-01-01T00:00:00Z')

export const sampleWatermark = '示例'
export const sampleBanner = '示范样表 · 示例内容，非真实个人信息'

const blankPattern = /\{([^|{}]+)\|([^{}]*)\}/g

/** A text section paragraph split into plain text and blanks. */
export function paragraphParts(paragraph: string): { text: string; blank?: { label: string; sample: string } }[] {
  const parts: { text: string; blank?: { label: string; sample: string } }[] = []
  let last = 0
  for (const match of paragraph.matchAll(blankPattern)) {
    if (match.index > last) parts.push({ text: paragraph.slice(last, match.index) })
    parts.push({ text: '', blank: { label: match[1]!, sample: match[2]! } })
    last = match.index + match[0].length
  }
  if (last < paragraph.length) parts.push({ text: paragraph.slice(last) })
  return parts
}

/** The blank as a run of underscores long enough for its label's answer. */
export function blankLine(label: string): string {
  return '_'.repeat(Math.max(8, Math.min(24, label.length * 3)))
}
