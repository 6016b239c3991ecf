import type {
  ComplaintChannelList,
  ComplaintDetail,
  ComplaintInput,
  ComplaintList,
  ComplaintLookupInput,
  ComplaintPhotoUpload,
  ComplaintRatingInput,
  ComplaintReceipt,
} from '../../contract/complaints.ts'
import { ApiError, NetworkError, apiHeaders, apiRequest } from './client.ts'

/** 第十九条's channels: this app, 12345, each hall's complaint phone, the portal, the WeChat account, kiosks. */
export function fetchComplaintChannels(): Promise<ComplaintChannelList> {
  return apiRequest<ComplaintChannelList>('GET', '/api/v1/complaint-channels')
}

/** Uploads one photo as its raw bytes (sign-in optional); the answer's photoId goes into the complaint. */
export async function uploadComplaintPhoto(blob: Blob): Promise<ComplaintPhotoUpload> {
  const headers = apiHeaders('POST')
  headers['content-type'] = blob.type || 'application/octet-stream'
  let response: Response
  try {
    response = await fetch('/api/v1/complaint-photos', { method: 'POST', headers, body: blob, credentials: 'same-origin', signal: AbortSignal.timeout(120_000) })
  } catch (cause) {
    throw new NetworkError(cause instanceof Error ? cause.message : String(cause), { cause })
  }
  const parsed: unknown = await response.json().catch(() => null)
  if (!response.ok) throw new ApiError(response.status, parsed as ConstructorParameters<typeof ApiError>[1], response.headers.get('retry-after'))
  return parsed as ComplaintPhotoUpload
}

/** Files a complaint or suggestion; a retry with the same key answers the first receipt (query code included). */
export function submitComplaint(input: ComplaintInput, idempotencyKey: string): Promise<ComplaintReceipt> {
  return apiRequest<ComplaintReceipt>('POST', '/api/v1/complaints', { body: input, idempotencyKey })
}

/** 我的投诉, newest first (signed in). */
export function fetchMyComplaints(): Promise<ComplaintList> {
  return apiRequest<ComplaintList>('GET', '/api/v1/me/complaints')
}

/** One of the citizen's complaints with its timeline and answer; 404 when it is not theirs. */
export function fetchMyComplaint(trackingNumber: string): Promise<ComplaintDetail> {
  return apiRequest<ComplaintDetail>('GET', `/api/v1/me/complaints/${encodeURIComponent(trackingNumber)}`)
}

/** A complaint by its tracking number and query code (anonymous); every failure is the same 404. */
export function lookUpComplaint(input: ComplaintLookupInput): Promise<ComplaintDetail> {
  return apiRequest<ComplaintDetail>('POST', '/api/v1/complaint-lookups', { body: input })
}

/** What the outbox keeps of a rating (满意 / 不满意, maybe reopening): by session, or by query code when one is given. */
export interface ComplaintRatingWrite extends ComplaintRatingInput {
  trackingNumber: string
  /** For a complaint opened with its query code rather than a session. */
  queryCode?: string
}

/** Rates the latest answer; a retry with the same key answers the first result. */
export function rateComplaint(write: ComplaintRatingWrite, idempotencyKey: string): Promise<ComplaintDetail> {
  const { trackingNumber, queryCode, ...rating } = write
  if (queryCode) return apiRequest<ComplaintDetail>('POST', '/api/v1/complaint-lookups/rating', { body: { trackingNumber, queryCode, ...rating }, idempotencyKey })
  return apiRequest<ComplaintDetail>('POST', `/api/v1/me/complaints/${encodeURIComponent(trackingNumber)}/rating`, { body: rating, idempotencyKey })
}

/** A photo of a complaint opened with its query code, as a blob (the image route needs a session). */
export async function fetchLookupPhoto(trackingNumber: string, queryCode: string, photoId: string): Promise<Blob> {
  let response: Response
  try {
    response = await fetch('/api/v1/complaint-lookups/photo', {
      method: 'POST',
      headers: { ...apiHeaders('POST'), 'content-type': 'application/json' },
      body: JSON.stringify({ trackingNumber, queryCode, photoId }),
      credentials: 'same-origin',
    })
  } catch (cause) {
    throw new NetworkError(cause instanceof Error ? cause.message : String(cause), { cause })
  }
  if (!response.ok) throw new ApiError(response.status, null)
  return response.blob()
}

/** Where a signed-in complainant's photo is served (the session cookie goes with an <img>). */
export const complaintPhotoUrl = (trackingNumber: string, photoId: string): string =>
  `/api/v1/complaints/${encodeURIComponent(trackingNumber)}/photos/${encodeURIComponent(photoId)}`
