import { ApiError, NetworkError } from '../api/client.ts'
import type { Translate } from './translate.ts'

/** What to tell the citizen about a failed request: the server's Chinese message, or ours. */
export function apiErrorMessage(error: unknown, t: Translate): string {
  if (error instanceof NetworkError) return t('errors.network', {})
  if (error instanceof ApiError && error.message) return error.message
  return t('errors.unknown', {})
}

/** The server's per-field messages (`details` pointing at `/body/<field>`), by field. */
export function apiFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {}
  const fields: Record<string, string> = {}
  for (const detail of error.details) {
    const field = detail.path.replace(/^\/body\//, '').split('/')[0]
    if (field && !(field in fields)) fields[field] = detail.message
  }
  return fields
}
