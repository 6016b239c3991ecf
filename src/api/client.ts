import type { ErrorBody } from '../../contract/errors.ts'

/** The server answered with an error in the contract's one error shape (or a bare status). */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number
  /** Stable machine-readable code, e.g. VALIDATION_FAILED; HTTP_<status> when the body was not ours. */
  readonly code: string
  readonly details: NonNullable<ErrorBody['details']>
  /** Seconds until a retry may succeed, from the answer's Retry-After (429, 503); null when absent. */
  readonly retryAfterSeconds: number | null
  /** Every problem of a refused form, beside its field (ApplicationError.fieldErrors); [] when the answer has none. */
  readonly fieldErrors: Array<{ fieldKey: string; message: string }>

  constructor(status: number, body: ErrorBody | null, retryAfter: string | null = null) {
    // The server writes `message` in Chinese for citizens; an empty one lets the UI fall back to its own.
    super(body?.message ?? '')
    this.status = status
    this.code = body?.code ?? `HTTP_${status}`
    this.details = body?.details ?? []
    this.retryAfterSeconds = parseRetryAfter(retryAfter)
    this.fieldErrors = fieldErrorsOf(body)
  }
}

function fieldErrorsOf(body: ErrorBody | null): Array<{ fieldKey: string; message: string }> {
  const listed: unknown = (body as { fieldErrors?: unknown } | null)?.fieldErrors
  if (!Array.isArray(listed)) return []
  return listed.filter(
    (entry): entry is { fieldKey: string; message: string } =>
      typeof entry === 'object' && entry !== null && typeof (entry as { fieldKey?: unknown }).fieldKey === 'string' && typeof (entry as { message?: unknown }).message === 'string',
  ).map(({ fieldKey, message }) => ({ fieldKey, message }))
}

/** Retry-After as seconds from now: delay-seconds, or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
}

/** The request never got an answer: offline, DNS, connection reset, or timed out. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'
}

export interface ApiRequestOptions {
  body?: unknown
  /** Makes a write safe to retry: the server answers a replay with the first result. */
  idempotencyKey?: string
  signal?: AbortSignal
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<ErrorBody>).message === 'string' &&
    typeof (value as Partial<ErrorBody>).code === 'string'
  )
}

// contract/auth.ts CSRF_HEADER and SESSION_COOKIES.citizen.csrf, restated: importing that module
// would bring TypeBox into every page's JS, the cold guide open included.
const CSRF_HEADER = 'x-csrf-token'
const CSRF_COOKIE = 'kdl_csrf'

/** The session's CSRF token from its readable cookie; null when nobody is signed in. */
export function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='))
  }
  return null
}

/** Headers every request sends; a state-changing one carries the session's CSRF token. */
export function apiHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken()
    if (token) headers[CSRF_HEADER] = token
  }
  return headers
}

/** One JSON request to the API; resolves with the parsed body of a 2xx answer. */
export async function apiRequest<Result>(method: string, path: string, options: ApiRequestOptions = {}): Promise<Result> {
  const headers = apiHeaders(method)
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey

  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal ?? AbortSignal.timeout(30_000),
      credentials: 'same-origin',
    })
  } catch (cause) {
    throw new NetworkError(cause instanceof Error ? cause.message : String(cause), { cause })
  }

  const parsed: unknown = await response.json().catch(() => null)
  if (!response.ok) throw new ApiError(response.status, isErrorBody(parsed) ? parsed : null, response.headers.get('retry-after'))
  return parsed as Result
}

/** A conditional GET's answer: the resource as sent, or word that the copy held is current (304). */
export type ConditionalResult<Result> =
  | { status: 'unchanged' }
  | { status: 'fetched'; body: Result; etag: string | null; bytes: number }

/** GET with If-None-Match: a 304 comes back as `unchanged`, so the caller keeps its cached copy. */
export async function apiGetConditional<Result>(path: string, etag: string | null, signal?: AbortSignal): Promise<ConditionalResult<Result>> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (etag) headers['if-none-match'] = etag
  let response: Response
  try {
    response = await fetch(path, { headers, signal: signal ?? AbortSignal.timeout(30_000), credentials: 'same-origin' })
  } catch (cause) {
    throw new NetworkError(cause instanceof Error ? cause.message : String(cause), { cause })
  }
  if (response.status === 304) return { status: 'unchanged' }
  const text = await response.text().catch(() => '')
  let parsed: unknown = null
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = null
  }
  if (!response.ok) throw new ApiError(response.status, isErrorBody(parsed) ? parsed : null, response.headers.get('retry-after'))
  return { status: 'fetched', body: parsed as Result, etag: response.headers.get('etag'), bytes: new Blob([text]).size }
}
