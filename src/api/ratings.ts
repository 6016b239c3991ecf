import type { CaseRatingInput, HallRatingInput, Rating, RatingList } from '../../contract/ratings.ts'
import { apiRequest } from './client.ts'

/** What the outbox keeps for the rating of a case: which case, and the rating. */
export interface CaseRatingWrite {
  caseNumber: string
  /** Shown while the write waits (the case page may not be open then). */
  itemName: string
  rating: CaseRatingInput
}

/** Rates one of the citizen's completed cases; a retry with the same key answers the first rating. */
export function rateMyCase(write: CaseRatingWrite, idempotencyKey: string): Promise<Rating> {
  return apiRequest<Rating>('POST', `/api/v1/me/cases/${encodeURIComponent(write.caseNumber)}/rating`, { body: write.rating, idempotencyKey })
}

/** Rates a visit to a hall (once per hall and day). */
export function rateHallVisit(input: HallRatingInput, idempotencyKey: string): Promise<Rating> {
  return apiRequest<Rating>('POST', '/api/v1/me/hall-ratings', { body: input, idempotencyKey })
}

/** The citizen's ratings, newest first, each with the status and outcome of its follow-up. */
export async function fetchMyRatings(signal?: AbortSignal): Promise<Rating[]> {
  return (await apiRequest<RatingList>('GET', '/api/v1/me/ratings', { signal })).ratings
}
