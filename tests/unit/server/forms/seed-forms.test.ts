import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { businessForms } from '../../../../server/seed/forms/definitions-business.ts'
import { individualForms } from '../../../../server/seed/forms/definitions-individual.ts'
import { resultSamples } from '../../../../server/seed/forms/result-samples.ts'
import { renderFormPdf } from '../../../../server/src/forms/render-pdf.ts'

const guidesDir = join(import.meta.dirname, '../../../../server/seed/guides')
const forms = [...individualForms, ...businessForms]

describe('seed forms (server/seed/forms)', () => {
  it('has a definition for every form material of the seed guides, and every attachment path exists', () => {
    for (const file of readdirSync(guidesDir).filter((name) => name.endsWith('.json') && name !== 'catalogue.json')) {
      const { guides } = JSON.parse(readFileSync(join(guidesDir, file), 'utf8')) as { guides: { code: string; guide: { materials: Record<string, unknown>[] } }[] }
      for (const { code, guide } of guides) {
        for (const material of guide.materials.filter((candidate) => candidate.electronicForm)) {
          expect(forms.some((form) => form.usedBy.includes(`${code}/${String(material.id)}`)), `${code}/${String(material.id)}`).toBe(true)
          for (const slot of ['blankForm', 'sampleForm'] as const) {
            const path = (material[slot] as { path?: string } | null)?.path
            expect(path && existsSync(resolve(dirname(join(guidesDir, file)), path)), `${code} ${String(material.name)} ${slot}`).toBe(true)
          }
        }
      }
    }
  })

  it('uses unique folder names', () => {
    const ids = [...forms, ...resultSamples].map((definition) => definition.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('renders a form byte-identically every time and matches the committed file', async () => {
    const form = forms.find((candidate) => candidate.id === 'power-of-attorney')!
    const first = await renderFormPdf(form, true)
    expect((await renderFormPdf(form, true)).equals(first)).toBe(true)
    expect(first.equals(readFileSync(join(import.meta.dirname, '../../../../server/seed/forms/power-of-attorney/sample.pdf')))).toBe(true)
  })
})
