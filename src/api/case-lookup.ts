import type { CaseLookupInput, CaseLookupResult } from '../../contract/case-lookup.ts'
import { apiRequest } from './client.ts'

/**
 * 办件查询: a case's progress by its number and a verification, sent in the body (never in the
 * URL). Rejects with ApiError 404 (no such case, or a wrong verification — the server does not
 * say which) or 429 (too many tries).
 */
export function lookUpCase(input: CaseLookupInput, signal?: AbortSignal): Promise<CaseLookupResult> {
  return apiRequest<CaseLookupResult>('POST', '/api/v1/case-lookups', { body: input, signal })
}
