import { sql, type Kysely } from 'kysely'
import type { HallScheduleInput, ScheduleService } from '../../../contract/appointment-slots.ts'
import type { OpeningHours } from '../../../contract/halls.ts'
import type { Database } from '../db/schema.ts'
import { appointmentSchedulesRepository } from '../repositories/appointment-schedules-repository.ts'

/** Items for flexible, rest-day and home service: the hall's most used personal items (个人高频事项). */
const HIGH_FREQUENCY_ITEMS = 10

interface HallItem {
  code: string
  individual: boolean
  mentionsHomeService: boolean
}

/** Published items whose guide offers 预约办理 at the hall, most used first. */
async function bookableItemsAt(db: Kysely<Database>, hallId: string): Promise<HallItem[]> {
  const rows = await db
    .selectFrom('service_items')
    .innerJoin('guide_versions', (join) => join.onRef('guide_versions.item_code', '=', 'service_items.code').onRef('guide_versions.version', '=', 'service_items.current_version'))
    .select(['service_items.code', 'service_items.audiences', 'guide_versions.content'])
    .where('service_items.status', '=', 'published')
    .orderBy('service_items.popularity')
    .orderBy('service_items.code')
    .execute()
  return rows
    .filter((row) => row.content.appointment?.available === true && (row.content.locations ?? []).some((location) => location.hallId === hallId))
    .map((row) => ({
      code: row.code,
      individual: row.audiences.includes('individual'),
      mentionsHomeService: (row.content.appointment?.note ?? '').includes('上门'),
    }))
}

/**
 * A hall's schedule as its published opening hours say: regular hours, 早晚弹性办, 午间不间断 and
 * weekend service where the hall lists them, for its most used personal items; public holidays
 * closed (the halls announce holiday service separately); 上门服务 for the items whose guide
 * offers it and the personal high-frequency items.
 */
export function scheduleFromOpeningHours(openingHours: OpeningHours, items: HallItem[], kind: 'district_centre' | 'street_station'): HallScheduleInput {
  const frequent = items.filter((item) => item.individual).slice(0, HIGH_FREQUENCY_ITEMS).map((item) => item.code)
  const large = kind === 'district_centre'
  const general: ScheduleService = {
    id: 'general',
    name: '综合受理',
    windowId: null,
    itemCodes: null,
    capacity: large ? 6 : 3,
    priorityReserved: 1,
    regular: openingHours.regular,
    flexible: openingHours.flexible && frequent.length > 0 ? { ...openingHours.flexible, capacity: 2, itemCodes: frequent } : null,
    lunch: openingHours.lunch ? { ...openingHours.lunch, capacity: 2 } : null,
    restDays: openingHours.weekend.length > 0 && frequent.length > 0 ? { weekend: openingHours.weekend, holidays: [], capacity: large ? 4 : 2, itemCodes: frequent } : null,
  }
  const homeItems = [...new Set([...items.filter((item) => item.mentionsHomeService).map((item) => item.code), ...frequent])]
  return {
    slotMinutes: 30,
    bookingCutoffMinutes: 60,
    horizonDays: 14,
    services: [general],
    exceptions: [],
    homeService: homeItems.length > 0 ? { itemCodes: homeItems } : null,
  }
}

/** Gives every hall without a schedule one derived from its opening hours. Answers how many were set. */
export async function seedAppointmentSchedules(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  const repository = appointmentSchedulesRepository(db)
  const halls = await db
    .selectFrom('halls')
    .select(['id', 'kind', 'opening_hours'])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('appointment_schedules').select(sql`1`.as('one')).whereRef('appointment_schedules.hall_id', '=', 'halls.id'))))
    .orderBy('sort_order')
    .execute()
  for (const hall of halls) {
    await repository.save(hall.id, scheduleFromOpeningHours(hall.opening_hours, await bookableItemsAt(db, hall.id), hall.kind), null, now)
  }
  return halls.length
}
