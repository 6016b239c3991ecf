import { Type, type Static } from 'typebox'

/** One field-level problem, pointing at the input that caused it. */
export const ErrorDetail = Type.Object(
  {
    /** JSON pointer into the request part, e.g. `/body/description`. */
    path: Type.String(),
    message: Type.String(),
  },
  { $id: 'ErrorDetail' },
)

/**
 * The one shape every 4xx and 5xx answer has. `message` is written for the person who
 * will read it (Chinese where it reaches citizens); `code` is stable for programs.
 */
export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
    code: Type.String({ description: 'Stable machine-readable error code, e.g. VALIDATION_FAILED.' }),
    error: Type.String({ description: 'HTTP reason phrase.' }),
    message: Type.String(),
    details: Type.Optional(Type.Array(ErrorDetail)),
  },
  { $id: 'ErrorBody' },
)
export type ErrorBody = Static<typeof ErrorBody>
