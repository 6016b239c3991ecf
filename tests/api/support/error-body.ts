import { Ajv } from 'ajv'
import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import { ErrorBody } from '../../../contract/errors.ts'

const isErrorBody = new Ajv({ allErrors: true }).compile<ErrorBody>(ErrorBody)

/** Problems with a response that should be an error in the one ErrorBody shape; [] when it is. */
export function errorBodyProblems(response: LightMyRequestResponse): string[] {
  if (!response.headers['content-type']?.toString().startsWith('application/json')) {
    return [`content-type is ${String(response.headers['content-type'])}, not JSON`]
  }
  let body: unknown
  try {
    body = response.json()
  } catch {
    return ['body is not JSON']
  }
  if (!isErrorBody(body)) return [`body is not an ErrorBody: ${JSON.stringify(isErrorBody.errors)}`]
  if (body.statusCode !== response.statusCode) return [`body.statusCode ${body.statusCode} ≠ status ${response.statusCode}`]
  return []
}

/** Asserts the status and the ErrorBody shape, and returns the body. */
export function expectErrorBody(response: LightMyRequestResponse, statusCode: number, code?: string): ErrorBody {
  expect(errorBodyProblems(response), response.body).toEqual([])
  expect(response.statusCode, response.body).toBe(statusCode)
  const body = response.json<ErrorBody>()
  if (code) expect(body.code).toBe(code)
  return body
}
