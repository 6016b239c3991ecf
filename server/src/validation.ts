import { Ajv, type ErrorObject, type Options } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchema, FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify'

const sharedOptions: Options = {
  allErrors: true,
  // Unknown fields are an error (additionalProperties: false in input schemas), never stripped.
  removeAdditional: false,
  useDefaults: true,
}

function createAjv(coerceTypes: Options['coerceTypes']): Ajv {
  // ajv-formats is CommonJS; under Node's ESM the plugin function is its default export.
  const ajv = new Ajv({ ...sharedOptions, coerceTypes })
  addFormats.default(ajv)
  return ajv
}

/**
 * Fastify's validator compiler with two Ajv instances: bodies are JSON and must have the right
 * types (no coercion, so `"description": 123` is a 400); path, query and headers arrive as text
 * and are coerced to the declared types.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const bodyAjv = createAjv(false)
  const textAjv = createAjv('array')
  return ({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema)
}

const typeNames: Record<string, string> = {
  string: '文本',
  integer: '整数',
  number: '数字',
  boolean: '布尔值（true/false）',
  object: '对象',
  array: '数组',
  null: '空值',
}

const partNames: Record<string, string> = { body: 'body', params: 'params', querystring: 'query', headers: 'headers' }

/** One Ajv error in words a citizen can act on. */
function describe(error: FastifySchemaValidationError | ErrorObject): string {
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return '此项为必填项'
    case 'type': {
      const types = String(params.type).split(',')
      return `类型应为${types.map((type) => typeNames[type] ?? type).join('或')}`
    }
    case 'minLength':
      return `长度不能少于 ${String(params.limit)} 个字符`
    case 'maxLength':
      return `长度不能超过 ${String(params.limit)} 个字符`
    case 'pattern':
      return '格式不正确'
    case 'format':
      return `格式不正确（应为 ${String(params.format)} 格式）`
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return '取值不在允许的范围内'
    case 'additionalProperties':
      return '不允许提交此字段'
    case 'minimum':
    case 'exclusiveMinimum':
      return `不能小于${error.keyword === 'exclusiveMinimum' ? '或等于' : ''} ${String(params.limit)}`
    case 'maximum':
    case 'exclusiveMaximum':
      return `不能大于${error.keyword === 'exclusiveMaximum' ? '或等于' : ''} ${String(params.limit)}`
    case 'minItems':
      return `至少需要 ${String(params.limit)} 项`
    case 'maxItems':
      return `最多只能有 ${String(params.limit)} 项`
    case 'uniqueItems':
      return '不能包含重复项'
    default:
      return '取值无效'
  }
}

/** Where in the request the error points: the missing or unknown property itself when there is one. */
function pointer(part: string, error: FastifySchemaValidationError | ErrorObject): string {
  const params = error.params as Record<string, unknown>
  const property =
    error.keyword === 'required' ? params.missingProperty : error.keyword === 'additionalProperties' ? params.additionalProperty : undefined
  const base = `/${partNames[part] ?? part}${error.instancePath}`
  return typeof property === 'string' ? `${base}/${property}` : base
}

/**
 * Ajv's errors as ErrorBody details, one per input path. A union of literals fails with one
 * error per branch plus `anyOf`; the union's own message is the one worth showing.
 */
export function validationDetails(
  part: string,
  errors: ReadonlyArray<FastifySchemaValidationError | ErrorObject>,
): { path: string; message: string }[] {
  const byPath = new Map<string, { message: string; fromUnion: boolean }>()
  for (const error of errors) {
    const path = pointer(part, error)
    const fromUnion = error.keyword === 'anyOf' || error.keyword === 'oneOf'
    const existing = byPath.get(path)
    if (!existing || (fromUnion && !existing.fromUnion)) byPath.set(path, { message: describe(error), fromUnion })
  }
  return [...byPath].map(([path, { message }]) => ({ path, message }))
}
