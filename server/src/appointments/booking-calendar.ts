import { SLOT_KIND_NAMES } from '../../../contract/appointment-slots.ts'
import type { BookingRecord } from '../repositories/bookings-repository.ts'

// An iCalendar (RFC 5545) file of one booking, for "add to calendar". Times are written in UTC
// (`...Z`), which every calendar app converts to the phone's zone without a VTIMEZONE block.
// Only what the visit needs: the item, the hall and its address, the booking code.

/** RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines. */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const character of line) {
    const size = Buffer.byteLength(character)
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += character
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

export function bookingCalendar(booking: BookingRecord, now: Date): string {
  const startsAt = booking.starts_at
  const [endHour, endMinute] = booking.end_time.split(':').map(Number)
  const endsAt = new Date(`${booking.slot_date}T${String(endHour).padStart(2, '0')}:${String(endMinute).padStart(2, '0')}:00+08:00`)
  const window = booking.window_number ? `，${booking.window_number}号窗口` : ''
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kundulun District//Government Services//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${booking.id}@booking.kundulun.gov.cn`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART:${utcStamp(startsAt)}`,
    `DTEND:${utcStamp(endsAt)}`,
    `SUMMARY:${escapeText(`预约办理：${booking.item_name}（${booking.hall_name}）`)}`,
    `LOCATION:${escapeText(booking.hall_address)}`,
    `DESCRIPTION:${escapeText(`预约码 ${booking.code}，${SLOT_KIND_NAMES[booking.kind]}，${booking.service_name}${window}。请携带所需材料按时到达，凭预约码或二维码签到。`)}`,
    // A cancelled booking's file removes the event from calendars that imported it (same UID).
    `STATUS:${booking.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-PT2H',
    `DESCRIPTION:${escapeText(`两小时后到${booking.hall_name}办理${booking.item_name}`)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(fold).join('\r\n')}\r\n`
}
