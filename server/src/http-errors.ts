import { STATUS_CODES } from 'node:http'
import type { ErrorBody } from '../../contract/errors.ts'

type ErrorDetail = NonNullable<ErrorBody['details']>[number]

/**
 * An error a route or plugin throws on purpose: the error handler answers it as is, in the one
 * ErrorBody shape. `message` is read by citizens, so it is written in Chinese.
 */
export class ApiError extends Error {
  readonly statusCode: number
  readonly code: string
  readonly details: ErrorDetail[] | undefined

  constructor(statusCode: number, code: string, message: string, details?: ErrorDetail[]) {
    super(message)
    this.name = 'ApiError'
    this.statusCode = statusCode
    this.code = code
    this.details = details
  }
}

/** Builds the one error shape; `error` is always the HTTP reason phrase of the status. */
export function errorBody(statusCode: number, code: string, message: string, details?: ErrorDetail[]): ErrorBody {
  const body: ErrorBody = { statusCode, code, error: STATUS_CODES[statusCode] ?? 'Error', message }
  if (details && details.length > 0) body.details = details
  return body
}

export function notFound(message: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', message)
}
