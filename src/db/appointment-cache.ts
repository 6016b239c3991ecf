import type { Booking, BookingDetail, HomeServiceRequest } from '../../contract/appointments.ts'
import { db } from './app-db.ts'

// The citizen's bookings and 上门服务 requests as last read from the server, for 预约 offline: the
// booking code and QR code must show at the hall's door without a connection. One `meta` row per
// citizen (key `appointments:<ownerId>`), removed with their other data at sign-out
// (personal-data.ts); a row of another citizen on a shared phone is never read.

export interface AppointmentCopy {
  bookings: Booking[]
  requests: HomeServiceRequest[]
  /** ISO time the lists were last read from the server; null when only single answers are kept. */
  listedAt: string | null
}

export const appointmentMetaKey = (ownerId: string): string => `appointments:${ownerId}`

const empty = (): AppointmentCopy => ({ bookings: [], requests: [], listedAt: null })

export async function readAppointmentCopy(ownerId: string): Promise<AppointmentCopy> {
  const record = await db.meta.get(appointmentMetaKey(ownerId))
  if (!record) return empty()
  try {
    return { ...empty(), ...(JSON.parse(record.value) as AppointmentCopy) }
  } catch {
    return empty()
  }
}

async function update(ownerId: string, change: (copy: AppointmentCopy) => AppointmentCopy): Promise<AppointmentCopy> {
  return await db.transaction('rw', db.meta, async () => {
    const next = change(await readAppointmentCopy(ownerId))
    // JSON: Vue may hand reactive copies, and the answers are plain JSON anyway.
    await db.meta.put({ key: appointmentMetaKey(ownerId), value: JSON.stringify(next) })
    return next
  })
}

/** Keeps the lists as just fetched. */
export function storeAppointmentLists(ownerId: string, bookings: Booking[], requests: HomeServiceRequest[], listedAt: string): Promise<AppointmentCopy> {
  return update(ownerId, () => ({ bookings, requests, listedAt }))
}

/** A booking without its QR code (the app draws it from the code). */
function listed(booking: Booking | BookingDetail): Booking {
  const { qrSvg: _qr, ...rest } = booking as BookingDetail
  return rest
}

/** Keeps one booking as the server last answered it (after booking, cancelling, rescheduling or reading it). */
export function storeBooking(ownerId: string, booking: Booking | BookingDetail): Promise<AppointmentCopy> {
  return update(ownerId, (copy) => ({ ...copy, bookings: [listed(booking), ...copy.bookings.filter((kept) => kept.id !== booking.id)] }))
}

/** Keeps one 上门服务 request as the server last answered it. */
export function storeHomeServiceRequest(ownerId: string, request: HomeServiceRequest): Promise<AppointmentCopy> {
  return update(ownerId, (copy) => ({ ...copy, requests: [request, ...copy.requests.filter((kept) => kept.id !== request.id)] }))
}

/** Forgets a booking the server says is not this citizen's (404). */
export function forgetBooking(ownerId: string, bookingId: string): Promise<AppointmentCopy> {
  return update(ownerId, (copy) => ({ ...copy, bookings: copy.bookings.filter((kept) => kept.id !== bookingId) }))
}

export function forgetHomeServiceRequest(ownerId: string, requestId: string): Promise<AppointmentCopy> {
  return update(ownerId, (copy) => ({ ...copy, requests: copy.requests.filter((kept) => kept.id !== requestId) }))
}
