import type { Hall, HallList } from '../../contract/halls.ts'
import { apiRequest } from './client.ts'

/** Every published service hall, in the order the district lists them. */
export function fetchHallList(): Promise<HallList> {
  return apiRequest<HallList>('GET', '/api/v1/halls')
}

/** One hall with its zones, accessibility facilities, windows and staff cards. */
export function fetchHall(id: string): Promise<Hall> {
  return apiRequest<Hall>('GET', `/api/v1/halls/${encodeURIComponent(id)}`)
}
