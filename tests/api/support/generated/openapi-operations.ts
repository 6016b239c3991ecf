/** A JSON Schema as found in the OpenAPI document (3.1 uses JSON Schema 2020-12 objects). */
export type JsonSchema = { [keyword: string]: unknown }

export interface OperationParameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  schema: JsonSchema
  /** A value that refers to seeded data (contract `examples`, which @fastify/swagger moves here). */
  example?: unknown
}

export interface Operation {
  method: string
  path: string
  operationId: string
  parameters: OperationParameter[]
  /** The JSON request body schema, $refs resolved; undefined when the operation takes no body. */
  body: JsonSchema | undefined
  /** Requirements as declared; non-empty means a signed-in citizen or a staff role is needed. */
  security: Record<string, string[]>[]
}

interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>
  components?: { schemas?: Record<string, JsonSchema> }
}

interface RawOperation {
  operationId?: string
  parameters?: (OperationParameter & { examples?: unknown[] })[]
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
  security?: Record<string, string[]>[]
}

const methods = new Set(['get', 'put', 'post', 'patch', 'delete'])

/** Replaces every local `$ref` with the schema it points to (the contract has no cycles). */
function resolveRefs(value: unknown, document: OpenApiDocument): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, document))
  if (value === null || typeof value !== 'object') return value
  const schema = value as JsonSchema
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '')
    const target = document.components?.schemas?.[name]
    if (!target) throw new Error(`Unresolvable $ref ${schema.$ref}`)
    return resolveRefs(target, document)
  }
  return Object.fromEntries(Object.entries(schema).map(([keyword, item]) => [keyword, resolveRefs(item, document)]))
}

/** Every operation of a served OpenAPI document, in a form the generated suites can use. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = []
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(pathItem)) {
      if (!methods.has(method)) continue
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: raw.operationId ?? `${method} ${path}`,
        parameters: (raw.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required,
          schema: resolveRefs(parameter.schema ?? {}, document) as JsonSchema,
          example: parameter.example ?? parameter.examples?.[0],
        })),
        body: raw.requestBody?.content?.['application/json']?.schema
          ? (resolveRefs(raw.requestBody.content['application/json'].schema, document) as JsonSchema)
          : undefined,
        security: raw.security ?? [],
      })
    }
  }
  return operations
}

/**
 * Whether the operation declares that it needs a signed-in citizen or a staff role: a non-empty
 * `security` without an empty `{}` alternative (which would make sign-in optional).
 */
export function isProtected(operation: Operation): boolean {
  return operation.security.length > 0 && operation.security.every((requirement) => Object.keys(requirement).length > 0)
}
