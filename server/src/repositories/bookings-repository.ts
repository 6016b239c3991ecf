import { sql, type Kysely, type Selectable } from 'kysely'
import type { ScheduledSlot } from '../../../contract/appointment-slots.ts'
import type { Booking, BookingStatus, PriorityGroup } from '../../../contract/appointments.ts'
import type { BookingsTable, Database } from '../db/schema.ts'

export interface NewBooking {
  code: string
  citizenId: string
  itemCode: string
  itemName: string
  hallId: string
  serviceId: string
  serviceName: string
  windowNumber: string | null
  slot: ScheduledSlot
  priorityGroup: PriorityGroup | null
  startsAt: Date
  changeableUntil: Date
  createdAt: Date
}

/** A booking row with its dates as text and the hall's name and address. */
export type BookingRecord = Omit<Selectable<BookingsTable>, 'slot_date'> & { slot_date: string; hall_name: string; hall_address: string }

const bookingColumns = [
  'bookings.id',
  'bookings.code',
  'bookings.citizen_id',
  'bookings.item_code',
  'bookings.item_name',
  'bookings.hall_id',
  'bookings.service_id',
  'bookings.service_name',
  'bookings.window_number',
  'bookings.start_time',
  'bookings.end_time',
  'bookings.kind',
  'bookings.priority_group',
  'bookings.status',
  'bookings.starts_at',
  'bookings.changeable_until',
  'bookings.created_at',
  'bookings.cancelled_at',
  'bookings.checked_in_at',
  'bookings.no_show_at',
  'bookings.reminded_day_before_at',
  'bookings.reminded_two_hours_at',
  'halls.name as hall_name',
  'halls.address as hall_address',
] as const

/** What the citizen's list shows of a booking. */
export function toBooking(row: BookingRecord): Booking {
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    itemCode: row.item_code,
    itemName: row.item_name,
    hallId: row.hall_id,
    hallName: row.hall_name,
    hallAddress: row.hall_address,
    serviceName: row.service_name,
    windowNumber: row.window_number,
    date: row.slot_date,
    start: row.start_time,
    end: row.end_time,
    kind: row.kind,
    priorityGroup: row.priority_group,
    createdAt: row.created_at.toISOString(),
    changeableUntil: row.changeable_until.toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    checkedInAt: row.checked_in_at?.toISOString() ?? null,
  }
}

/** Thrown when a citizen already holds an active booking of the item in the slot (unique index). */
export class DuplicateBookingError extends Error {
  override name = 'DuplicateBookingError'
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const candidate = error as { code?: unknown; constraint?: unknown; message?: unknown }
  return candidate.code === '23505' && (candidate.constraint === constraint || String(candidate.message).includes(constraint))
}

/** Bookings: made, moved, cancelled, checked in; the citizen's own and a hall's of a day (places: appointment-slots-repository.ts). */
export function bookingsRepository(db: Kysely<Database>) {
  const selectBookings = () => db.selectFrom('bookings').innerJoin('halls', 'halls.id', 'bookings.hall_id').select(bookingColumns).select(sql<string>`bookings.slot_date::text`.as('slot_date'))

  return {
    /** Whether the citizen holds an active booking of the item in the slot. */
    async hasActive(citizenId: string, itemCode: string, hallId: string, date: string, start: string): Promise<boolean> {
      const row = await db
        .selectFrom('bookings')
        .select('id')
        .where('citizen_id', '=', citizenId)
        .where('item_code', '=', itemCode)
        .where('hall_id', '=', hallId)
        .where(sql`slot_date`, '=', sql`${date}::date`)
        .where('start_time', '=', start)
        .where('status', '=', 'booked')
        .executeTakeFirst()
      return row !== undefined
    },

    /** Stores a booking; DuplicateBookingError when the citizen already holds one of the item in the slot. */
    async insert(booking: NewBooking): Promise<string> {
      try {
        const row = await db
          .insertInto('bookings')
          .values({
            code: booking.code,
            citizen_id: booking.citizenId,
            item_code: booking.itemCode,
            item_name: booking.itemName,
            hall_id: booking.hallId,
            service_id: booking.serviceId,
            service_name: booking.serviceName,
            window_number: booking.windowNumber,
            slot_date: booking.slot.date,
            start_time: booking.slot.start,
            end_time: booking.slot.end,
            kind: booking.slot.kind,
            priority_group: booking.priorityGroup,
            status: 'booked',
            starts_at: booking.startsAt,
            changeable_until: booking.changeableUntil,
            created_at: booking.createdAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      } catch (error) {
        if (isUniqueViolation(error, 'bookings_one_active_idx')) throw new DuplicateBookingError()
        throw error
      }
    },

    /** Moves a booking to another slot of the same service. */
    async move(id: string, slot: ScheduledSlot, serviceId: string, startsAt: Date, changeableUntil: Date): Promise<void> {
      try {
        await db
          .updateTable('bookings')
          .set({
            service_id: serviceId,
            slot_date: slot.date,
            start_time: slot.start,
            end_time: slot.end,
            kind: slot.kind,
            starts_at: startsAt,
            changeable_until: changeableUntil,
            reminded_day_before_at: null,
            reminded_two_hours_at: null,
          })
          .where('id', '=', id)
          .execute()
      } catch (error) {
        if (isUniqueViolation(error, 'bookings_one_active_idx')) throw new DuplicateBookingError()
        throw error
      }
    },

    async setStatus(id: string, status: BookingStatus, at: Date): Promise<void> {
      const stamp = status === 'cancelled' ? { cancelled_at: at } : status === 'checked_in' ? { checked_in_at: at } : status === 'no_show' ? { no_show_at: at } : {}
      await db.updateTable('bookings').set({ status, ...stamp }).where('id', '=', id).execute()
    },

    /** The citizen's own booking (another's answers undefined, as one that does not exist). */
    async findOwn(citizenId: string, id: string): Promise<BookingRecord | undefined> {
      return selectBookings().where('bookings.id', '=', id).where('bookings.citizen_id', '=', citizenId).executeTakeFirst()
    },

    /** The same, locking the row until the transaction ends (cancel and reschedule). */
    async findOwnForUpdate(citizenId: string, id: string): Promise<BookingRecord | undefined> {
      return selectBookings().where('bookings.id', '=', id).where('bookings.citizen_id', '=', citizenId).forUpdate('bookings').executeTakeFirst()
    },

    async findById(id: string): Promise<BookingRecord | undefined> {
      return selectBookings().where('bookings.id', '=', id).executeTakeFirst()
    },

    async findByCode(code: string): Promise<BookingRecord | undefined> {
      return selectBookings().where('bookings.code', '=', code).executeTakeFirst()
    },

    /** The citizen's bookings: upcoming active ones first (soonest first), then the rest (latest first). */
    async listOwn(citizenId: string, now: Date): Promise<BookingRecord[]> {
      const upcoming = sql`bookings.status = 'booked' and bookings.starts_at > ${now}`
      return selectBookings()
        .where('bookings.citizen_id', '=', citizenId)
        .orderBy(sql`case when ${upcoming} then 0 else 1 end`)
        .orderBy(sql`case when ${upcoming} then bookings.starts_at end`, 'asc')
        .orderBy('bookings.starts_at', 'desc')
        .limit(200)
        .execute()
    },

    /** A hall's active bookings that have not begun, locked until the transaction ends (a schedule change). */
    async listUpcomingForHallForUpdate(hallId: string, now: Date): Promise<BookingRecord[]> {
      return selectBookings()
        .where('bookings.hall_id', '=', hallId)
        .where('bookings.status', '=', 'booked')
        .where('bookings.starts_at', '>', now)
        .orderBy('bookings.starts_at')
        .forUpdate('bookings')
        .execute()
    },

    /** A hall's bookings of a day, by start time, priority bookings first within a slot. */
    async listForHallDay(hallId: string, date: string): Promise<(BookingRecord & { contact_name: string | null; contact_phone: string })[]> {
      return selectBookings()
        .innerJoin('citizens', 'citizens.id', 'bookings.citizen_id')
        .leftJoin('citizen_profiles', 'citizen_profiles.citizen_id', 'bookings.citizen_id')
        .select(['citizen_profiles.name as contact_name', 'citizens.phone as contact_phone'])
        .where('bookings.hall_id', '=', hallId)
        .where(sql`bookings.slot_date`, '=', sql`${date}::date`)
        .orderBy('bookings.start_time')
        .orderBy(sql`case when bookings.priority_group is null then 1 else 0 end`)
        .orderBy('bookings.created_at')
        .execute()
    },

    /** The citizen's name (from their profile, if any) and sign-in phone, for staff views. */
    async contactOf(citizenId: string): Promise<{ name: string | null; phone: string }> {
      const row = await db
        .selectFrom('citizens')
        .leftJoin('citizen_profiles', 'citizen_profiles.citizen_id', 'citizens.id')
        .select(['citizen_profiles.name', 'citizens.phone'])
        .where('citizens.id', '=', citizenId)
        .executeTakeFirstOrThrow()
      return { name: row.name, phone: row.phone }
    },

    /**
     * Active bookings whose reminder is due: starting more than `minutesAfter` and at most
     * `minutesBefore` minutes from `now`, booked before that reminder's time (whoever books for
     * the same afternoon needs no "tomorrow" reminder), not yet reminded. Rows are locked, and a
     * concurrent sweep skips them, so each reminder is sent once.
     */
    async dueForReminder(column: 'reminded_day_before_at' | 'reminded_two_hours_at', minutesBefore: number, minutesAfter: number, now: Date, limit: number): Promise<BookingRecord[]> {
      return selectBookings()
        .where('bookings.status', '=', 'booked')
        .where(`bookings.${column}`, 'is', null)
        .where('bookings.starts_at', '>', new Date(now.getTime() + minutesAfter * 60_000))
        .where('bookings.starts_at', '<=', new Date(now.getTime() + minutesBefore * 60_000))
        .where(sql<boolean>`bookings.created_at <= bookings.starts_at - make_interval(mins => ${minutesBefore})`)
        .orderBy('bookings.starts_at')
        .limit(limit)
        .forUpdate('bookings')
        .skipLocked()
        .execute()
    },

    async markReminded(id: string, column: 'reminded_day_before_at' | 'reminded_two_hours_at', at: Date): Promise<void> {
      await db.updateTable('bookings').set({ [column]: at }).where('id', '=', id).execute()
    },
  }
}
