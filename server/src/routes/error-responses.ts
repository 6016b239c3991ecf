import { Type } from 'typebox'

const descriptions: Record<number, string> = {
  400: 'Invalid input (VALIDATION_FAILED with details per field, or MALFORMED_JSON).',
  401: 'Sign-in required.',
  403: 'Signed in without the required role.',
  404: 'Not found.',
  413: 'Request body larger than the limit.',
  415: 'Body is not application/json.',
  422: 'Understood but cannot be processed (e.g. unknown hall, reused idempotency key).',
  429: 'Rate limited.',
  500: 'Server fault; details are logged, not returned.',
  503: 'A dependency (the database) is unavailable.',
}

/** Error responses of an operation, all in the one ErrorBody shape, for `schema.response`. */
export function errorResponses(...statusCodes: number[]) {
  return Object.fromEntries(
    statusCodes.map((statusCode) => [statusCode, Type.Ref('ErrorBody', { description: descriptions[statusCode] ?? 'Error.' })]),
  )
}

/** What every operation can answer: bad input, rate limited, server fault. */
export const commonErrors = [400, 429, 500] as const

/** What every operation with a JSON body can answer in addition. */
export const bodyErrors = [413, 415] as const
