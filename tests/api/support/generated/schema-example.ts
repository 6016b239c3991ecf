import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import type { JsonSchema } from './openapi-operations.ts'

/** Validators like the server's: bodies strictly typed, path/query/header values coerced from text. */
function createAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes })
  addFormats.default(ajv)
  return ajv
}
const strictAjv = createAjv(false)
const textAjv = createAjv(true)

export function isValid(schema: JsonSchema, value: unknown, { fromText = false } = {}): boolean {
  return (fromText ? textAjv : strictAjv).validate(schema, value) === true
}

const formatExamples: Record<string, string> = {
  'date-time': '2026-11-25T09:30:00+08:00',
  date: '2026-11-25',
  time: '09:30:00+08:00',
  uri: 'https://example.org/',
  url: 'https://example.org/',
  email: 'citizen@example.org',
  uuid: '0b6a3f5e-4c1d-4e2a-9f3b-2d5c6e7f8a9b',
}

/** Candidate strings tried against a `pattern`; the first that matches (and fits the length) wins. */
const patternCandidates = ['kundulun-civic-centre', 'abcdefghijklmnop1234', '09:30', 'JC20261125-0001', '13800000000', 'a', 'A1']

function stringExample(schema: JsonSchema): string {
  if (typeof schema.format === 'string' && formatExamples[schema.format]) return formatExamples[schema.format]!
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0
  const plain = '示例文本内容'.repeat(Math.ceil(Math.max(minLength, 1) / 6) + 1)
  const candidates = [...patternCandidates, plain]
  const fitting = candidates.find((candidate) => isValid(schema, candidate))
  if (fitting === undefined) {
    throw new Error(`Cannot build an example for ${JSON.stringify(schema)}: add \`examples\` to its contract schema`)
  }
  return fitting
}

/**
 * A valid value for a schema: `examples[0]` (contract convention for values that must name
 * seeded data), then `default`, `const`, `enum[0]`, the first non-null union branch, else one
 * synthesised from the type. Objects get every property, so optional fields are exercised too.
 */
export function exampleOf(schema: JsonSchema): unknown {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0]
  if ('default' in schema) return schema.default
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum)) return schema.enum[0]
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined
  if (union) return exampleOf(union.find((branch) => branch.type !== 'null') ?? union[0]!)
  const type = Array.isArray(schema.type) ? schema.type.find((candidate) => candidate !== 'null') : schema.type
  switch (type) {
    case 'string':
      return stringExample(schema)
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1
    case 'boolean':
      return true
    case 'null':
      return null
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 1
      return Array.from({ length: count }, () => exampleOf((schema.items ?? {}) as JsonSchema))
    }
    case 'object':
    default: {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
      return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, exampleOf(property)]))
    }
  }
}
