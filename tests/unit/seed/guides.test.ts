import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { Audience, GuideContent, ItemCode, LocalDate, type GuideContent as Guide } from '../../../contract/guides.ts'
import { demoHalls } from '../../../server/src/seed/halls.ts'

// The seed guides' own check: every file in the import format, every guide valid against the
// contract, and the publishing rules of 第七条(一) (a legal basis for every material, no catch-all
// material names) met by every material.

const dir = join(import.meta.dirname, '../../../server/seed/guides')
const FORMAT = 'kundulun-guides/1'

interface Catalogue {
  format: string
  departments: { id: string; name: string; shortName: string }[]
  themes: { id: string; name: string; audience: string }[]
}
interface Entry {
  code: string
  basicCode: string
  implementationCode: string | null
  popularity: number
  effectiveDate: string
  changeNote: string | null
  guide: Guide
}

const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'))
const catalogue = read('catalogue.json') as Catalogue
const departmentFiles = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'catalogue.json')
const files = departmentFiles.map((file) => ({ file, data: read(file) as { format: string; guides: Entry[] } }))
const entries = files.flatMap(({ file, data }) => data.guides.map((entry) => ({ file, entry })))

/** The guide with each `{ "path": … }` attachment replaced by a FileRef-shaped stand-in. */
function withAttachmentsAsFileRefs(guide: Guide): Guide {
  return JSON.parse(JSON.stringify(guide), (_key, value: unknown) =>
    value !== null && typeof value === 'object' && 'path' in value
      ? { sha256: '0'.repeat(64), fileName: 'x.pdf', mediaType: 'application/pdf', bytes: 1, url: '/x' }
      : value,
  ) as Guide
}

const CATCH_ALL = /其他|有关材料|等材料|等$/

describe('seed guides', () => {
  it('every file carries the format tag and only the expected keys', () => {
    expect(catalogue.format).toBe(FORMAT)
    expect(Object.keys(catalogue).sort()).toEqual(['departments', 'format', 'themes'])
    for (const { file, data } of files) {
      expect(data.format, file).toBe(FORMAT)
      expect(Object.keys(data).sort(), file).toEqual(['format', 'guides'])
    }
  })

  it('has one file per department, named by its id, and nothing else', () => {
    const ids = catalogue.departments.map((d) => d.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(departmentFiles.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...ids].sort())
    for (const { file, data } of files) {
      for (const { guide } of data.guides) expect(guide.departmentId, file).toBe(file.replace(/\.json$/, ''))
    }
  })

  it('themes are unique and have a valid audience', () => {
    const ids = catalogue.themes.map((t) => t.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const t of catalogue.themes) {
      expect(t.id).toMatch(/^[a-z0-9-]{1,40}$/)
      expect(Value.Check(Audience, t.audience), t.id).toBe(true)
    }
  })

  it('every guide passes the GuideContent contract (attachments as the FileRef the import makes of them)', () => {
    for (const { file, entry } of entries) {
      const guide = withAttachmentsAsFileRefs(entry.guide)
      const ok = Value.Check(GuideContent, guide)
      if (!ok) {
        const errors = [...Value.Errors(GuideContent, guide)].slice(0, 10)
        console.error(file, entry.code, JSON.stringify(errors, null, 2))
      }
      expect(ok, `${file} ${entry.code} ${entry.guide.name}`).toBe(true)
      // every required field present, none left out for "not given" (null is used for that);
      // optional ones (applicationForm) are absent by design where they do not apply
      const missing = GuideContent.required.filter((k) => !(k in entry.guide))
      expect(missing, entry.code).toEqual([])
    }
  })

  it('uses null, never an empty string, for what the source does not give', () => {
    const empties: string[] = []
    const walk = (value: unknown, path: string) => {
      if (value === '') empties.push(path)
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}/${i}`))
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}/${k}`)
    }
    for (const { entry } of entries) walk(entry, entry.code)
    expect(empties).toEqual([])
  })

  it('codes are unique, valid item codes, and sit under their basic code', () => {
    const codes = entries.map(({ entry }) => entry.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const { entry } of entries) {
      expect(Value.Check(ItemCode, entry.code), entry.code).toBe(true)
      expect(Value.Check(ItemCode, entry.basicCode), entry.basicCode).toBe(true)
      expect(entry.basicCode, entry.code).toMatch(/^\d{12}$/)
      expect(entry.code.startsWith(entry.basicCode), entry.code).toBe(true)
      expect(entry.code.length - entry.basicCode.length, entry.code).toBeGreaterThanOrEqual(2)
      expect(entry.code.length - entry.basicCode.length, entry.code).toBeLessThanOrEqual(3)
      if (entry.implementationCode !== null) {
        expect(entry.implementationCode, entry.code).toMatch(/^11150203[0-9A-HJ-NPQRTUWXY]{10}\d{12,15}$/)
        expect(entry.implementationCode.endsWith(entry.code), entry.code).toBe(true)
      }
      expect(Value.Check(LocalDate, entry.effectiveDate), entry.code).toBe(true)
      expect(entry.changeNote === null || entry.changeNote.length > 0, entry.code).toBe(true)
    }
  })

  it('popularity ranks are unique and run 1..N', () => {
    const ranks = entries.map(({ entry }) => entry.popularity).sort((a, b) => a - b)
    expect(ranks).toEqual(ranks.map((_, i) => i + 1))
  })

  it('departments, themes and halls referenced exist', () => {
    const departments = new Set(catalogue.departments.map((d) => d.id))
    const themes = new Map(catalogue.themes.map((t) => [t.id, t.audience]))
    const halls = new Set(demoHalls.map((h) => h.id))
    for (const { entry } of entries) {
      const g = entry.guide
      expect(departments.has(g.departmentId), entry.code).toBe(true)
      expect(g.themeIds.length, entry.code).toBeGreaterThan(0)
      for (const t of g.themeIds) expect(themes.has(t), `${entry.code} theme ${t}`).toBe(true)
      expect(g.keywords.length, entry.code).toBeGreaterThan(0)
      for (const loc of g.locations ?? []) if (loc.hallId !== null) expect(halls.has(loc.hallId), `${entry.code} hall ${loc.hallId}`).toBe(true)
    }
  })

  it('every material has a legal basis and no catch-all name (第七条(一))', () => {
    for (const { entry } of entries) {
      const materials = entry.guide.materials ?? []
      expect(materials.length, entry.code).toBeGreaterThan(0)
      const ids = materials.map((m) => m.id)
      expect(new Set(ids).size, `${entry.code} material ids`).toBe(ids.length)
      for (const m of materials) {
        expect(m.legalBases.length, `${entry.code} ${m.name}`).toBeGreaterThan(0)
        expect(m.name, `${entry.code} ${m.name}`).not.toMatch(CATCH_ALL)
        if (m.source === 'intermediary') expect(m.intermediary, `${entry.code} ${m.name}`).not.toBeNull()
      }
    }
  })

  it('every `when` names existing situation questions and options', () => {
    for (const { entry } of entries) {
      const g = entry.guide
      const questions = new Map(g.situations.map((q) => [q.id, new Set(q.options.map((o) => o.id))]))
      expect(questions.size, `${entry.code} question ids`).toBe(g.situations.length)
      const used = new Set<string>()
      const conditions = [...(g.materials ?? []).map((m) => m.when), ...(g.steps ?? []).map((s) => s.when)]
      for (const when of conditions) {
        if (when === null) continue
        for (const [question, options] of Object.entries(when)) {
          used.add(question)
          expect(questions.has(question), `${entry.code} when ${question}`).toBe(true)
          for (const o of options) expect(questions.get(question)!.has(o), `${entry.code} when ${question}=${o}`).toBe(true)
        }
      }
      // a question nobody's answer changes anything for would only waste the citizen's time
      for (const q of g.situations) expect(used.has(q.id), `${entry.code} unused question ${q.id}`).toBe(true)
      for (const q of g.situations) expect(q.options.length, `${entry.code} ${q.id}`).toBeLessThanOrEqual(4)
    }
  })

  it('time limits carry parsed figures consistent with their text', () => {
    for (const { entry } of entries) {
      const g = entry.guide
      const limits = [g.statutoryTimeLimit, g.promisedTimeLimit, ...(g.steps ?? []).map((s) => s.timeLimit)]
      for (const t of limits) {
        if (t === null) continue
        if (t.days === null) expect(t.unit, `${entry.code} ${t.text}`).toBeNull()
        if (t.text === '即时办结') expect(t.days, entry.code).toBe(0)
        const m = /^(\d+)个(法定)?工作日$/.exec(t.text)
        if (m) expect([Number(m[1]), t.unit], `${entry.code} ${t.text}`).toEqual([t.days, 'working_day'])
      }
      // promised no longer than statutory, where both are counted the same way
      const s = g.statutoryTimeLimit
      const p = g.promisedTimeLimit
      if (s?.days != null && p?.days != null && s.unit === p.unit) expect(p.days, entry.code).toBeLessThanOrEqual(s.days)
    }
  })

  it('supervision always lists the 12345 hotline; phones come in every real format', () => {
    const kinds = new Set<string>()
    for (const { entry } of entries) {
      const g = entry.guide
      expect(g.supervision?.some((p) => p.number === '12345' && p.kind === 'hotline'), entry.code).toBe(true)
      for (const p of [...(g.consultation ?? []), ...(g.supervision ?? [])]) {
        kinds.add(p.kind)
        if (p.kind === 'landline') expect(p.number, entry.code).toMatch(/^0472-\d{7,8}$/)
        if (p.kind === 'mobile') expect(p.number, entry.code).toMatch(/^1[3-9]\d{9}$/)
        if (p.kind === 'hotline') expect(p.number, entry.code).toMatch(/^\d{5}$/)
      }
    }
    expect([...kinds].sort()).toEqual(['hotline', 'landline', 'mobile'])
  })

  it('covers the district: ≥40 guides, ≥8 departments, both audiences, ≥8 guides with situations', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40)
    expect(entries.length).toBeLessThanOrEqual(48)
    const departments = new Set(entries.map(({ entry }) => entry.guide.departmentId))
    expect(departments.size).toBeGreaterThanOrEqual(8)
    const audiences = new Set(entries.flatMap(({ entry }) => entry.guide.audiences))
    expect([...audiences].sort()).toEqual(['individual', 'legal_person'])
    expect(entries.filter(({ entry }) => entry.guide.situations.length > 0).length).toBeGreaterThanOrEqual(8)
    // real guides are partial: some elements not given, some fees charged, unknown source fields kept
    expect(entries.some(({ entry }) => entry.guide.reviewStandard === null)).toBe(true)
    expect(entries.some(({ entry }) => entry.guide.onlinePayment === null)).toBe(true)
    expect(entries.some(({ entry }) => entry.guide.fee?.charged === true && entry.guide.fee.legalBases.length > 0)).toBe(true)
    expect(entries.some(({ entry }) => Object.keys(entry.guide.sourceExtra).length > 0)).toBe(true)
  })

  it('form materials are marked as electronic forms', () => {
    for (const { entry } of entries) {
      for (const m of entry.guide.materials ?? []) {
        if (/(申请表|申请书|登记表|审批表|备案表|采集表|信息表)$/.test(m.name)) expect(m.electronicForm, `${entry.code} ${m.name}`).toBe(true)
        expect(m.sample, entry.code).toBeNull()
      }
    }
  })
})
