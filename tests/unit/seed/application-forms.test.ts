import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allFields, type ApplicationForm } from '../../../contract/application-form.ts'
import { checkGuide } from '../../../contract/guide-rules.ts'
import type { GuideContent } from '../../../contract/guides.ts'
import type { FormDefinition } from '../../../server/src/forms/form-definition.ts'
import { paragraphParts } from '../../../server/src/forms/form-definition.ts'
import { businessForms } from '../../../server/seed/forms/definitions-business.ts'
import { individualForms } from '../../../server/seed/forms/definitions-individual.ts'

// The seed's one-form applications (一表申请): on items that really can be applied for online,
// fitting their guides, and asking what the hall's paper forms ask (server/seed/forms).

const dir = join(import.meta.dirname, '../../../server/seed/guides')
const entries = readdirSync(dir)
  .filter((file) => file.endsWith('.json') && file !== 'catalogue.json')
  .flatMap((file) => (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { guides: { code: string; guide: GuideContent }[] }).guides)
const withForms = entries.filter((entry) => entry.guide.applicationForm !== undefined) as { code: string; guide: GuideContent & { applicationForm: ApplicationForm } }[]
const paperForms: FormDefinition[] = [...individualForms, ...businessForms]

/** Every label a clerk's paper forms of the item have: boxes, tables and their columns, and the blanks of running text. */
function paperLabels(code: string): Set<string> {
  const labels = new Set<string>()
  for (const form of paperForms.filter((candidate) => candidate.usedBy.some((use) => use.startsWith(`${code}/`)))) {
    for (const section of form.sections) {
      if (section.kind === 'fields') for (const field of section.fields) labels.add(field.label)
      if (section.kind === 'table') for (const label of [...(section.title ? [section.title] : []), ...section.columns]) labels.add(label)
      if (section.kind === 'text') for (const paragraph of section.paragraphs) for (const part of paragraphParts(paragraph)) if (part.blank) labels.add(part.blank.label)
    }
  }
  return labels
}

describe('seed application forms', () => {
  it('cover at least six items of both audiences, with situation conditions and table rows', () => {
    expect(withForms.length).toBeGreaterThanOrEqual(6)
    expect(withForms.some(({ guide }) => guide.audiences.includes('individual'))).toBe(true)
    expect(withForms.some(({ guide }) => guide.audiences.includes('legal_person'))).toBe(true)
    expect(withForms.some(({ guide }) => guide.applicationForm.groups.some((group) => group.when) || allFields(guide.applicationForm).some((field) => field.when))).toBe(true)
    expect(withForms.some(({ guide }) => allFields(guide.applicationForm).some((field) => field.type === 'tableRows'))).toBe(true)
  })

  it('sit only on items handled online or on the phone', () => {
    for (const { code, guide } of withForms) {
      expect(guide.handlingForms?.some((form) => form === 'online' || form === 'mobile'), code).toBe(true)
    }
  })

  it('pass the publishing rules, and stand for a material marked as an electronic form', () => {
    for (const { code, guide } of withForms) {
      expect(checkGuide(guide).filter((problem) => problem.element === '一表申请'), code).toEqual([])
      const formMaterial = guide.materials?.find((material) => material.id === guide.applicationForm.formMaterialId)
      expect(formMaterial?.electronicForm, code).toBe(true)
      expect(guide.applicationForm.materialIds, code).not.toContain(guide.applicationForm.formMaterialId)
    }
  })

  it('ask for the attachments of every other material the guide lists', () => {
    for (const { code, guide } of withForms) {
      const others = (guide.materials ?? []).map((material) => material.id).filter((id) => id !== guide.applicationForm.formMaterialId)
      expect([...guide.applicationForm.materialIds].sort(), code).toEqual(others.sort())
    }
  })

  it('use the labels of the paper forms (a role named by the group title may lead the label)', () => {
    for (const { code, guide } of withForms) {
      const labels = paperLabels(code)
      expect(labels.size, code).toBeGreaterThan(0)
      for (const group of guide.applicationForm.groups) {
        for (const field of group.fields) {
          const asOnPaper = labels.has(field.label) || labels.has(field.label.replace(group.title, ''))
          expect(asOnPaper, `${code} ${field.label}`).toBe(true)
          if (field.type === 'tableRows') for (const column of field.columns) expect(labels.has(column.label), `${code} ${field.label} ${column.label}`).toBe(true)
        }
      }
    }
  })
})
