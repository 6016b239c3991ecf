// Slot times are Asia/Shanghai wall-clock times; China keeps UTC+8 all year (no daylight saving),
// so a fixed offset is exact.

/** The instant a slot of `date` starting at `start` (`HH:mm`) begins. */
export function slotInstant(date: string, start: string): Date {
  return new Date(`${date}T${start}:00+08:00`)
}

/** Until when a booking of that slot may be made, cancelled or moved. */
export function changeableUntil(startsAt: Date, cutoffMinutes: number): Date {
  return new Date(startsAt.getTime() - cutoffMinutes * 60_000)
}
