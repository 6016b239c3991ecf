import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { errorBodyProblems } from '../error-body.ts'
import type { JsonSchema, Operation, OperationParameter } from './openapi-operations.ts'
import { exampleOf, isValid } from './schema-example.ts'

/** What the suites need from an app: send a request, and count rows in every table. */
export interface SuiteTarget {
  inject(request: InjectOptions): Promise<LightMyRequestResponse>
  countRows(): Promise<Record<string, number>>
}

export interface RequestCase {
  title: string
  request: InjectOptions
}

interface ValidParts {
  params: Record<string, string>
  query: Record<string, string>
  headers: Record<string, string>
  body: unknown
}

function validParts(operation: Operation): ValidParts {
  const parts: ValidParts = { params: {}, query: {}, headers: {}, body: operation.body ? exampleOf(operation.body) : undefined }
  for (const parameter of operation.parameters) {
    if (!parameter.required && parameter.in !== 'path') continue
    const value = String(parameter.example ?? exampleOf(parameter.schema))
    if (parameter.in === 'path') parts.params[parameter.name] = value
    if (parameter.in === 'query') parts.query[parameter.name] = value
    if (parameter.in === 'header') parts.headers[parameter.name] = value
  }
  return parts
}

function toRequest(operation: Operation, parts: ValidParts, rawBody?: { payload: string; contentType: string }): InjectOptions {
  const url = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(parts.params[name] ?? ''))
  const request: InjectOptions = { method: operation.method as InjectOptions['method'], url, query: parts.query, headers: { ...parts.headers } }
  if (rawBody) {
    request.payload = rawBody.payload
    request.headers = { ...request.headers, 'content-type': rawBody.contentType }
  } else if (parts.body !== undefined) {
    request.payload = JSON.stringify(parts.body)
    request.headers = { ...request.headers, 'content-type': 'application/json' }
  }
  return request
}

/** Valid, anonymous request for the operation (also the base every bad-input case mutates). */
export function validRequest(operation: Operation): InjectOptions {
  return toRequest(operation, validParts(operation))
}

const wrongValues: unknown[] = [12345, 'wrong-type', true, { unexpected: true }, ['wrong'], null]
const wrongTexts = ['INVALID VALUE!', '-1', 'x'.repeat(300), '0', 'abc']

function withoutProperty(value: unknown, name: string): Record<string, unknown> {
  const { [name]: _removed, ...rest } = value as Record<string, unknown>
  return rest
}

function bodyCases(operation: Operation, body: JsonSchema, parts: ValidParts): RequestCase[] {
  const cases: RequestCase[] = []
  const properties = (body.properties ?? {}) as Record<string, JsonSchema>
  const base = parts.body as Record<string, unknown>
  for (const name of Object.keys(properties)) {
    const wrong = wrongValues.find((candidate) => !isValid(body, { ...base, [name]: candidate }))
    if (wrong !== undefined) {
      cases.push({ title: `body.${name} of a wrong type (${JSON.stringify(wrong)})`, request: toRequest(operation, { ...parts, body: { ...base, [name]: wrong } }) })
    }
  }
  for (const name of (body.required ?? []) as string[]) {
    cases.push({ title: `body.${name} missing`, request: toRequest(operation, { ...parts, body: withoutProperty(base, name) }) })
  }
  cases.push(
    { title: 'an unknown body field', request: toRequest(operation, { ...parts, body: { ...base, unexpectedField: 'x' } }) },
    { title: 'malformed JSON', request: toRequest(operation, parts, { payload: '{"unterminated": ', contentType: 'application/json' }) },
    { title: 'a body that is not JSON', request: toRequest(operation, parts, { payload: 'plain text', contentType: 'text/plain' }) },
    {
      title: 'an oversized body',
      request: toRequest(operation, parts, { payload: JSON.stringify({ ...base, padding: 'x'.repeat(200 * 1024) }), contentType: 'application/json' }),
    },
  )
  return cases
}

function parameterCases(operation: Operation, parameter: OperationParameter, parts: ValidParts): RequestCase[] {
  const cases: RequestCase[] = []
  const partName = parameter.in === 'path' ? 'params' : parameter.in === 'query' ? 'query' : 'headers'
  if (parameter.in === 'cookie') return cases
  const wrong = wrongTexts.find((candidate) => !isValid(parameter.schema, candidate, { fromText: true }))
  if (wrong !== undefined) {
    cases.push({
      title: `${parameter.in} ${parameter.name} invalid (${wrong.length > 20 ? `${wrong.slice(0, 20)}…` : wrong})`,
      request: toRequest(operation, { ...parts, [partName]: { ...parts[partName], [parameter.name]: wrong } }),
    })
  }
  if (parameter.required && parameter.in !== 'path') {
    const { [parameter.name]: _removed, ...rest } = parts[partName]
    cases.push({ title: `${parameter.in} ${parameter.name} missing`, request: toRequest(operation, { ...parts, [partName]: rest }) })
  }
  return cases
}

/** Every bad-input variant the operation's schema allows us to derive. */
export function badInputCases(operation: Operation): RequestCase[] {
  const parts = validParts(operation)
  return [
    ...operation.parameters.flatMap((parameter) => parameterCases(operation, parameter, parts)),
    ...(operation.body ? bodyCases(operation, operation.body, parts) : []),
  ]
}

/** Why the answer to a bad request is wrong: not a 4xx, not an ErrorBody, or rows written. [] when right. */
export async function rejectionProblems(target: SuiteTarget, request: InjectOptions, allowed: (status: number) => boolean = (status) => status >= 400 && status < 500): Promise<string[]> {
  const before = await target.countRows()
  const response = await target.inject(request)
  const after = await target.countRows()
  const problems: string[] = []
  if (!allowed(response.statusCode)) problems.push(`answered ${response.statusCode}: ${response.body.slice(0, 200)}`)
  else problems.push(...errorBodyProblems(response))
  const changed = Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table])
  if (changed.length > 0) problems.push(`rows written in ${changed.join(', ')}`)
  return problems
}

/** Why the anonymous answer to a protected operation is wrong; [] when it is a 401/403 ErrorBody. */
export function accessProblems(target: SuiteTarget, operation: Operation): Promise<string[]> {
  return rejectionProblems(target, validRequest(operation), (status) => status === 401 || status === 403)
}
