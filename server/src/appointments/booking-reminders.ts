import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Kysely } from 'kysely'
import { SLOT_KIND_NAMES } from '../../../contract/appointment-slots.ts'
import { formatLocalDateChinese } from '../../../contract/local-date.ts'
import type { Database } from '../db/schema.ts'
import { notifyCitizen } from '../notifications/notify-citizen.ts'
import { bookingsRepository, type BookingRecord } from '../repositories/bookings-repository.ts'

const BATCH = 200
const DAY_BEFORE_MINUTES = 24 * 60
const TWO_HOURS_MINUTES = 120

function reminderBody(booking: BookingRecord): string {
  const window = booking.window_number ? `${booking.window_number}号窗口，` : ''
  return `${formatLocalDateChinese(booking.slot_date)} ${booking.start_time}–${booking.end_time}（${SLOT_KIND_NAMES[booking.kind]}）到${booking.hall_name}办理“${booking.item_name}”，${window}预约码 ${booking.code}。地址：${booking.hall_address}。如不能前往，请在截止时间前取消。`
}

/**
 * Sends the reminders that are due at `now`, each at most once: two hours before the slot (which
 * also settles the day-before one, so a late booker gets one reminder, not two), and the day
 * before for slots more than two hours away. Each batch is one transaction that stores the
 * notifications and stamps the bookings; concurrent sweeps skip each other's rows. Answers how
 * many reminders were stored (the caller drains Web Push after it).
 */
export async function sendBookingReminders(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  let sent = 0
  const passes = [
    { column: 'reminded_two_hours_at', minutesBefore: TWO_HOURS_MINUTES, minutesAfter: 0, title: '预约提醒：两小时后办理' },
    { column: 'reminded_day_before_at', minutesBefore: DAY_BEFORE_MINUTES, minutesAfter: TWO_HOURS_MINUTES, title: '预约提醒：明天办理' },
  ] as const
  for (const pass of passes) {
    for (;;) {
      const count = await db.transaction().execute(async (trx) => {
        const bookings = bookingsRepository(trx)
        const due = await bookings.dueForReminder(pass.column, pass.minutesBefore, pass.minutesAfter, now, BATCH)
        for (const booking of due) {
          await notifyCitizen(trx, { citizenId: booking.citizen_id, kind: 'appointment_reminder', link: `/appointments/bookings/${booking.id}`, title: pass.title, body: reminderBody(booking), now })
          await bookings.markReminded(booking.id, pass.column, now)
          if (pass.column === 'reminded_two_hours_at' && booking.reminded_day_before_at === null) await bookings.markReminded(booking.id, 'reminded_day_before_at', now)
        }
        return due.length
      })
      sent += count
      if (count < BATCH) break
    }
  }
  return sent
}

/** How often the server looks for due reminders. */
export const REMINDER_SWEEP_INTERVAL_MS = 5 * 60_000

/**
 * Runs sendBookingReminders on an interval while the server is up, and offers what it stored to
 * Web Push. A failed sweep is logged and the next one tries again; closing the app stops it.
 */
export default fp(
  async (fastify: FastifyInstance, options: { intervalMs?: number }) => {
    let running: Promise<void> | undefined
    const sweep = () => {
      running ??= sendBookingReminders(fastify.db)
        .then(async (count) => {
          if (count > 0) await fastify.pushSender.drain()
        })
        .catch((error: unknown) => fastify.log.error({ err: error }, 'booking reminder sweep failed'))
        .finally(() => {
          running = undefined
        })
    }
    const timer = setInterval(sweep, options.intervalMs ?? REMINDER_SWEEP_INTERVAL_MS)
    timer.unref()
    fastify.addHook('onClose', async () => {
      clearInterval(timer)
      await running
    })
  },
  { name: 'booking-reminders', dependencies: ['db', 'push'] },
)
