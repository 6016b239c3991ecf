import { renderSVG } from 'uqr'
import type { BookingDetail, StaffBooking } from '../../../contract/appointments.ts'
import { toBooking, type BookingRecord } from '../repositories/bookings-repository.ts'

/**
 * The QR code staff scan to check a booking in: it holds the booking code only (nothing
 * personal), error correction M, the standard four-module quiet zone; named by its <title>.
 */
export function bookingQrSvg(code: string): string {
  const svg = renderSVG(code, { ecc: 'M', border: 4 })
  return svg.replace(/^<svg([^>]*)>/, `<svg$1 role="img"><title>预约码 ${code}</title>`)
}

export function toBookingDetail(row: BookingRecord): BookingDetail {
  return { ...toBooking(row), qrSvg: bookingQrSvg(row.code) }
}

/** 王晓燕 → 王*燕, 王燕 → 王*: enough for staff to greet the person at the window. */
export function maskName(name: string): string {
  const characters = [...name.trim()]
  if (characters.length <= 1) return characters.join('')
  if (characters.length === 2) return `${characters[0]}*`
  return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters.at(-1)}`
}

/** 13912345678 → 139****5678. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

export function toStaffBooking(row: BookingRecord, contact: { name: string | null; phone: string }): StaffBooking {
  return { ...toBooking(row), contactName: contact.name ? maskName(contact.name) : null, contactPhone: maskPhone(contact.phone) }
}
