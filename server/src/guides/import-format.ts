import { Type, type TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { Audience, Department, GuideContent, ItemCode, LocalDate, Theme } from '../../../contract/guides.ts'
import type { ItemListing } from '../repositories/service-items-repository.ts'

// Reading "kundulun-guides/1" import files (docs/guides-import.md). Real platforms export partial
// guides, so a guide is read leniently against the GuideContent schema: absent fields become null
// (or [] / {}), unknown fields are moved into sourceExtra, and only a field of the wrong type
// rejects the guide. Nothing is dropped without being reported.

export const IMPORT_FORMAT = 'kundulun-guides/1'

/** Popularity of an item the source does not rank: after every ranked one. */
export const UNRANKED_POPULARITY = 10000

/** A problem with one field of the file, at a JSON pointer into the guide's entry. */
export interface ImportIssue {
  path: string
  message: string
}

/** A guide entry read into the model, with what reading it changed. */
export interface ReadGuide {
  listing: ItemListing
  content: GuideContent
  effectiveDate: string | null
  changeNote: string | null
  /** Pointers of unknown fields, kept in content.sourceExtra under the same pointer. */
  kept: string[]
  /** Pointers of absent fields set to null, [] or {}. */
  defaulted: string[]
}

export type GuideEntryReading =
  | { ok: true; guide: ReadGuide }
  | { ok: false; code: string | null; name: string | null; errors: ImportIssue[] }

export class ImportFileError extends Error {
  override name = 'ImportFileError'
}

export interface ImportFile {
  departments: Department[]
  themes: Theme[]
  guides: unknown[]
}

type Schema = TSchema & Record<string, unknown>

const pointerPart = (key: string | number) => String(key).replaceAll('~', '~0').replaceAll('/', '~1')

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function describe(schema: Schema): string {
  if (Array.isArray(schema.anyOf)) {
    const constants = (schema.anyOf as Schema[]).filter((branch) => 'const' in branch).map((branch) => String(branch.const))
    if (constants.length > 0) return `以下取值之一：${constants.join('、')}`
    return (schema.anyOf as Schema[]).map(describe).join('或')
  }
  const names: Record<string, string> = { string: '文本', integer: '整数', number: '数字', boolean: '布尔值（true/false）', array: '列表', object: '对象', null: 'null' }
  return names[String(schema.type)] ?? '正确的类型'
}

/** The branches of a union of objects told apart by a constant `type` (the application form's fields), by that constant. */
function discriminatedBranches(schema: Schema): Map<string, Schema> | null {
  if (!Array.isArray(schema.anyOf)) return null
  const branches = new Map<string, Schema>()
  for (const branch of schema.anyOf as Schema[]) {
    const type = (branch.properties as Record<string, Schema> | undefined)?.type
    if (branch.type !== 'object' || type === undefined || !('const' in type)) return null
    branches.set(String(type.const), branch)
  }
  return branches
}

/** Why a value does not satisfy a leaf schema, in Chinese: the wrong type, or a broken constraint. */
function leafIssues(schema: Schema, value: unknown, path: string): ImportIssue[] {
  if (Value.Check(schema, value)) return []
  const branches = discriminatedBranches(schema)
  // Value.Check narrowed `value` to never; it is still whatever the file holds.
  const candidate = value as unknown
  if (branches && isRecord(candidate)) {
    // Judge the value against the branch its `type` names, so the message says what is wrong with it.
    const branch = branches.get(String(candidate.type))
    if (!branch) return [{ path: `${path}/type`, message: `取值不符合要求：type 应为以下取值之一：${[...branches.keys()].join('、')}，实际为 ${JSON.stringify(candidate.type)}` }]
    const [first] = Value.Errors(branch, candidate)
    return [{ path: `${path}${first?.instancePath ?? ''}`, message: `取值不符合要求（${first?.message ?? 'invalid'}）` }]
  }
  const typeMatches =
    (schema.type === 'string' && typeof value === 'string') ||
    ((schema.type === 'integer' || schema.type === 'number') && typeof value === 'number')
  if (!typeMatches) return [{ path, message: `类型错误：应为${describe(schema)}，实际为 ${JSON.stringify(value)?.slice(0, 60)}` }]
  const [first] = Value.Errors(schema, value)
  return [{ path, message: `取值不符合要求（${first?.message ?? 'invalid'}）：${JSON.stringify(value).slice(0, 60)}` }]
}

interface Reading {
  issues: ImportIssue[]
  kept: string[]
  defaulted: string[]
  extra: Record<string, unknown>
}

const nonNullBranches = (schema: Schema) => (schema.anyOf as Schema[]).filter((branch) => branch.type !== 'null')
const isNullable = (schema: Schema) => Array.isArray(schema.anyOf) && (schema.anyOf as Schema[]).some((branch) => branch.type === 'null')

/** The value a field gets when the source leaves it out, or undefined when it cannot be left out. */
function absentValue(schema: Schema): unknown {
  if (isNullable(schema)) return null
  if (schema.type === 'array') return []
  if (schema.type === 'object' && schema.patternProperties) return {}
  return undefined
}

/** Reads `value` against `schema`, leniently; problems, kept and defaulted fields go to `reading`. */
function read(schema: Schema, value: unknown, path: string, reading: Reading): unknown {
  if (isNullable(schema)) {
    if (value === null) return null
    const branches = nonNullBranches(schema)
    return branches.length === 1 ? read(branches[0]!, value, path, reading) : readLeaf({ anyOf: branches } as Schema, value, path, reading)
  }
  if (schema.type === 'object' && isRecord(schema.properties)) {
    if (!isRecord(value)) return readLeaf(schema, value, path, reading)
    const properties = schema.properties as Record<string, Schema>
    const result: Record<string, unknown> = {}
    for (const [name, propertySchema] of Object.entries(properties)) {
      const propertyPath = `${path}/${pointerPart(name)}`
      if (value[name] !== undefined) {
        result[name] = read(propertySchema, value[name], propertyPath, reading)
        continue
      }
      // An optional field the source leaves out stays absent: nothing was defaulted.
      if (Array.isArray(schema.required) && !schema.required.includes(name)) continue
      const fallback = absentValue(propertySchema)
      if (fallback === undefined) reading.issues.push({ path: propertyPath, message: '缺少必填字段' })
      else reading.defaulted.push(propertyPath)
      result[name] = fallback
    }
    for (const [name, unknownValue] of Object.entries(value)) {
      if (name in properties) continue
      const unknownPath = `${path}/${pointerPart(name)}`
      reading.extra[unknownPath] = unknownValue
      reading.kept.push(unknownPath)
    }
    return result
  }
  if (schema.type === 'array' && Array.isArray(value)) {
    const items = value.map((item, index) => read(schema.items as Schema, item, `${path}/${index}`, reading))
    // minItems and the like, checked once the items are read.
    return readLeaf({ ...schema, items: {} } as Schema, items, path, reading)
  }
  return readLeaf(schema, value, path, reading)
}

function readLeaf(schema: Schema, value: unknown, path: string, reading: Reading): unknown {
  reading.issues.push(...leafIssues(schema, value, path))
  return value
}

const EntryFields = Type.Object({
  code: ItemCode,
  basicCode: ItemCode,
  implementationCode: Type.Union([Type.String({ minLength: 1, maxLength: 80 }), Type.Null()]),
  popularity: Type.Integer({ minimum: 1 }),
  effectiveDate: Type.Union([LocalDate, Type.Null()]),
  changeNote: Type.Union([Type.String(), Type.Null()]),
})

/** Reads one entry of `guides`: the item's codes and popularity, and its guide, leniently. */
export function readGuideEntry(entry: unknown): GuideEntryReading {
  if (!isRecord(entry)) return { ok: false, code: null, name: null, errors: [{ path: '', message: '类型错误：每个事项应为对象' }] }
  const code = typeof entry.code === 'string' ? entry.code : null
  const name = isRecord(entry.guide) && typeof entry.guide.name === 'string' ? entry.guide.name : null
  const reading: Reading = { issues: [], kept: [], defaulted: [], extra: {} }
  const fields = EntryFields.properties as unknown as Record<string, Schema>
  for (const required of ['code', 'basicCode'] as const) {
    if (entry[required] === undefined) reading.issues.push({ path: `/${required}`, message: '缺少必填字段' })
    else reading.issues.push(...leafIssues(fields[required]!, entry[required], `/${required}`))
  }
  for (const optional of ['implementationCode', 'popularity', 'effectiveDate', 'changeNote'] as const) {
    if (entry[optional] !== undefined) reading.issues.push(...leafIssues(fields[optional]!, entry[optional], `/${optional}`))
  }
  for (const [field, value] of Object.entries(entry)) {
    if (field in fields || field === 'guide') continue
    reading.extra[`/${pointerPart(field)}`] = value
    reading.kept.push(`/${pointerPart(field)}`)
  }
  if (entry.guide === undefined) reading.issues.push({ path: '/guide', message: '缺少必填字段' })
  const content = read(GuideContent as unknown as Schema, entry.guide ?? {}, '/guide', reading) as GuideContent
  if (reading.issues.length > 0) return { ok: false, code, name, errors: reading.issues }

  // The source's own sourceExtra is kept as it came; unknown fields join it under their pointers.
  content.sourceExtra = { ...content.sourceExtra, ...reading.extra }
  return {
    ok: true,
    guide: {
      listing: {
        code: entry.code as string,
        basicCode: entry.basicCode as string,
        implementationCode: (entry.implementationCode as string | null | undefined) ?? null,
        popularity: (entry.popularity as number | undefined) ?? UNRANKED_POPULARITY,
      },
      content,
      effectiveDate: (entry.effectiveDate as string | null | undefined) ?? null,
      changeNote: (entry.changeNote as string | null | undefined) ?? null,
      kept: reading.kept,
      defaulted: reading.defaulted.filter((path) => path !== '/guide/sourceExtra'),
    },
  }
}

function readList<T>(schema: TSchema, value: unknown, label: string): T[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw new ImportFileError(`“${label}”应为列表`)
  for (const [index, item] of value.entries()) {
    if (!Value.Check(schema, item)) throw new ImportFileError(`${label}/${index} 不符合格式：${JSON.stringify(item).slice(0, 120)}`)
  }
  return value as T[]
}

const ImportDepartment = Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }), name: Type.String({ minLength: 2 }), shortName: Type.String({ minLength: 1 }) })
const ImportTheme = Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }), name: Type.String({ minLength: 1 }), audience: Audience })

/**
 * Checks the file's envelope (format, departments, themes, guides as a list) and answers its
 * parts; the guides themselves are read one by one with readGuideEntry. Throws ImportFileError.
 */
export function readImportFile(file: unknown): ImportFile {
  if (!isRecord(file)) throw new ImportFileError('文件内容应为 JSON 对象')
  if (file.format !== IMPORT_FORMAT) throw new ImportFileError(`不支持的格式 ${JSON.stringify(file.format)}，应为 "${IMPORT_FORMAT}"`)
  const unknown = Object.keys(file).filter((key) => !['format', 'departments', 'themes', 'guides'].includes(key))
  if (unknown.length > 0) throw new ImportFileError(`文件含有未知字段：${unknown.join('、')}`)
  if (file.guides !== undefined && !Array.isArray(file.guides)) throw new ImportFileError('“guides”应为列表')
  return {
    departments: readList<Department>(ImportDepartment, file.departments, 'departments'),
    themes: readList<Theme>(ImportTheme, file.themes, 'themes'),
    guides: (file.guides as unknown[] | undefined) ?? [],
  }
}
