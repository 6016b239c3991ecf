import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { businessForms } from '../seed/forms/definitions-business.ts'
import { individualForms } from '../seed/forms/definitions-individual.ts'
import { resultSamples } from '../seed/forms/result-samples.ts'
import { renderFormDocx } from '../src/forms/render-docx.ts'
import { renderFormPdf, renderResultSamplePdf } from '../src/forms/render-pdf.ts'
import { renderFormXlsx } from '../src/forms/render-xlsx.ts'

// `npm run forms:generate`: renders every form definition of server/seed/forms to
// <id>/blank.pdf, <id>/sample.pdf (and <id>/blank.docx or .xlsx), and every result sample to
// <id>/sample.pdf. The outputs are committed seed data; dates are fixed, so a rerun without
// changed definitions gives identical bytes.

const formsDir = join(import.meta.dirname, '..', 'seed', 'forms')

async function write(id: string, name: string, bytes: Buffer): Promise<void> {
  await mkdir(join(formsDir, id), { recursive: true })
  await writeFile(join(formsDir, id, name), bytes)
  console.log(`${id}/${name}  ${(bytes.byteLength / 1024).toFixed(1)} KB`)
}

for (const form of [...individualForms, ...businessForms]) {
  await write(form.id, 'blank.pdf', await renderFormPdf(form, false))
  await write(form.id, 'sample.pdf', await renderFormPdf(form, true))
  if (form.editable === 'docx') await write(form.id, 'blank.docx', await renderFormDocx(form))
  if (form.editable === 'xlsx') await write(form.id, 'blank.xlsx', await renderFormXlsx(form))
}
for (const sample of resultSamples) await write(sample.id, 'sample.pdf', await renderResultSamplePdf(sample))
