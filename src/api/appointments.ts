import type { HallSchedule } from '../../contract/appointment-slots.ts'
import type {
  Booking,
  BookingDetail,
  BookingInput,
  BookingList,
  HomeServiceInput,
  HomeServiceRequest,
  HomeServiceRequestList,
  RescheduleInput,
  SlotAvailability,
} from '../../contract/appointments.ts'
import { storeBooking, storeHomeServiceRequest } from '../db/appointment-cache.ts'
import { ApiError, apiRequest } from './client.ts'

// 预约 over the API (contract/appointments.ts). Writes are made through the outbox: each takes the
// outbox item's id as its Idempotency-Key, so a retry is the same booking, never a second one.

/** What the outbox keeps of a booking until the server has it; the names are shown while it waits. */
export interface BookingWrite {
  input: BookingInput
  itemName: string
  hallName: string
}

/** 取消预约 of one booking. */
export interface BookingCancelWrite {
  bookingId: string
  itemName: string
}

/** 改约: the same booking moved to another slot of its item and hall. */
export interface BookingRescheduleWrite {
  bookingId: string
  itemName: string
  input: RescheduleInput
}

/** A 上门服务 request until the server has it. */
export interface HomeServiceWrite {
  input: HomeServiceInput
  itemName: string
  hallName: string
}

/** Withdrawing a 上门服务 request. */
export interface HomeServiceCancelWrite {
  requestId: string
  itemName: string
}

const hallPath = (hallId: string) => `/api/v1/halls/${encodeURIComponent(hallId)}`
const bookingPath = (bookingId: string) => `/api/v1/me/bookings/${encodeURIComponent(bookingId)}`
const requestPath = (requestId: string) => `/api/v1/me/home-service-requests/${encodeURIComponent(requestId)}`

/** A hall's appointment schedule; null when the hall takes no appointments (or is unknown). */
export async function fetchHallSchedule(hallId: string, signal?: AbortSignal): Promise<HallSchedule | null> {
  try {
    return await apiRequest<HallSchedule>('GET', `${hallPath(hallId)}/appointment-schedule`, { signal })
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}

/** The item's slots at a hall from `from` to `to` (both `YYYY-MM-DD`), with the places left now. */
export function fetchSlots(hallId: string, itemCode: string, from: string, to: string, signal?: AbortSignal): Promise<SlotAvailability> {
  const query = new URLSearchParams({ itemCode, from, to })
  return apiRequest<SlotAvailability>('GET', `${hallPath(hallId)}/slots?${query}`, { signal })
}

/** The citizen's bookings, upcoming first, then past ones. */
export async function fetchMyBookings(signal?: AbortSignal): Promise<Booking[]> {
  return (await apiRequest<BookingList>('GET', '/api/v1/me/bookings', { signal })).bookings
}

/** One of the citizen's bookings with its check-in code. */
export function fetchMyBooking(bookingId: string, signal?: AbortSignal): Promise<BookingDetail> {
  return apiRequest<BookingDetail>('GET', bookingPath(bookingId), { signal })
}

/** Where the booking's .ics (添加到日历) is read, with the session cookie. */
export function bookingCalendarUrl(bookingId: string): string {
  return `${bookingPath(bookingId)}/calendar.ics`
}

export function createBooking(write: BookingWrite, idempotencyKey: string): Promise<BookingDetail> {
  return apiRequest<BookingDetail>('POST', '/api/v1/me/bookings', { body: write.input, idempotencyKey })
}

export function cancelBooking(write: BookingCancelWrite, idempotencyKey: string): Promise<BookingDetail> {
  return apiRequest<BookingDetail>('POST', `${bookingPath(write.bookingId)}/cancel`, { body: {}, idempotencyKey })
}

export function rescheduleBooking(write: BookingRescheduleWrite, idempotencyKey: string): Promise<BookingDetail> {
  return apiRequest<BookingDetail>('POST', `${bookingPath(write.bookingId)}/reschedule`, { body: write.input, idempotencyKey })
}

/** The citizen's 上门服务 requests, newest first. */
export async function fetchMyHomeServiceRequests(signal?: AbortSignal): Promise<HomeServiceRequest[]> {
  return (await apiRequest<HomeServiceRequestList>('GET', '/api/v1/me/home-service-requests', { signal })).requests
}

export function fetchMyHomeServiceRequest(requestId: string, signal?: AbortSignal): Promise<HomeServiceRequest> {
  return apiRequest<HomeServiceRequest>('GET', requestPath(requestId), { signal })
}

export function createHomeServiceRequest(write: HomeServiceWrite, idempotencyKey: string): Promise<HomeServiceRequest> {
  return apiRequest<HomeServiceRequest>('POST', '/api/v1/me/home-service-requests', { body: write.input, idempotencyKey })
}

export function cancelHomeServiceRequest(write: HomeServiceCancelWrite, idempotencyKey: string): Promise<HomeServiceRequest> {
  return apiRequest<HomeServiceRequest>('POST', `${requestPath(write.requestId)}/cancel`, { body: {}, idempotencyKey })
}

// The outbox's senders: each keeps the server's answer on the phone for its citizen, so that 预约
// shows the booking (and its code) at once, and offline, even when no page was open to see it sent.

async function kept<Answer>(ownerId: string | undefined, answer: Answer, keep: (ownerId: string, answer: Answer) => Promise<unknown>): Promise<Answer> {
  if (ownerId) await keep(ownerId, answer)
  return answer
}

export async function sendBooking(id: string, ownerId: string | undefined, write: BookingWrite): Promise<BookingDetail> {
  return kept(ownerId, await createBooking(write, id), storeBooking)
}

export async function sendBookingCancel(id: string, ownerId: string | undefined, write: BookingCancelWrite): Promise<BookingDetail> {
  return kept(ownerId, await cancelBooking(write, id), storeBooking)
}

export async function sendBookingReschedule(id: string, ownerId: string | undefined, write: BookingRescheduleWrite): Promise<BookingDetail> {
  return kept(ownerId, await rescheduleBooking(write, id), storeBooking)
}

export async function sendHomeServiceRequest(id: string, ownerId: string | undefined, write: HomeServiceWrite): Promise<HomeServiceRequest> {
  return kept(ownerId, await createHomeServiceRequest(write, id), storeHomeServiceRequest)
}

export async function sendHomeServiceCancel(id: string, ownerId: string | undefined, write: HomeServiceCancelWrite): Promise<HomeServiceRequest> {
  return kept(ownerId, await cancelHomeServiceRequest(write, id), storeHomeServiceRequest)
}
