import type { Hall, HallList } from '../../contract/halls.ts'
import { apiGetConditional, type ConditionalResult } from './client.ts'

/**
 * Every published service hall, in the order the district lists them. With the ETag of the copy
 * on the phone, an unchanged list answers `unchanged` (304) instead of the list again.
 */
export function fetchHallList(etag: string | null = null): Promise<ConditionalResult<HallList>> {
  return apiGetConditional<HallList>('/api/v1/halls', etag)
}

/** One hall with its zones, accessibility facilities, windows and staff cards; conditional as above. */
export function fetchHall(id: string, etag: string | null = null): Promise<ConditionalResult<Hall>> {
  return apiGetConditional<Hall>(`/api/v1/halls/${encodeURIComponent(id)}`, etag)
}
