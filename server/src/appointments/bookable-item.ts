import { sql, type Kysely } from 'kysely'
import { serviceForItem, type HallSchedule, type ScheduleService } from '../../../contract/appointment-slots.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http-errors.ts'
import { appointmentSchedulesRepository } from '../repositories/appointment-schedules-repository.ts'

export interface BookableItem {
  code: string
  name: string
  hall: { id: string; name: string; address: string }
  schedule: HallSchedule
  service: ScheduleService
  /** The number of the service's window as signed in the hall, if it has one. */
  windowNumber: string | null
}

/** The hall and its schedule; 404 HALL_NOT_FOUND or SCHEDULE_NOT_FOUND. */
export async function hallWithSchedule(db: Kysely<Database>, hallId: string): Promise<{ hall: BookableItem['hall']; schedule: HallSchedule }> {
  const hall = await db.selectFrom('halls').select(['id', 'name', 'address']).where('id', '=', hallId).executeTakeFirst()
  if (!hall) throw new ApiError(404, 'HALL_NOT_FOUND', '没有找到该办事大厅')
  const schedule = await appointmentSchedulesRepository(db).find(hallId)
  if (!schedule) throw new ApiError(404, 'SCHEDULE_NOT_FOUND', '该办事大厅暂未开放网上预约')
  return { hall, schedule }
}

/**
 * The item as bookable at the hall: published, its guide offering 预约办理, offered at this hall
 * (the guide's 办理地点 names it, or the hall's schedule lists the item), and a service of the
 * schedule taking it. Else 422 ITEM_NOT_BOOKABLE.
 */
export async function findBookableItem(db: Kysely<Database>, itemCode: string, hallId: string): Promise<BookableItem> {
  const { hall, schedule } = await hallWithSchedule(db, hallId)
  const row = await db
    .selectFrom('service_items')
    .innerJoin('guide_versions', (join) => join.onRef('guide_versions.item_code', '=', 'service_items.code').onRef('guide_versions.version', '=', 'service_items.current_version'))
    .select(['service_items.code', 'service_items.name', 'guide_versions.content'])
    .where('service_items.code', '=', itemCode)
    .where('service_items.status', '=', 'published')
    .where(sql<boolean>`guide_versions.status = 'published'`)
    .executeTakeFirst()
  const service = serviceForItem(schedule.services, itemCode)
  const listed = schedule.services.some((candidate) => candidate.itemCodes?.includes(itemCode))
  const atHall = listed || (row?.content.locations ?? []).some((location) => location.hallId === hallId)
  if (!row || row.content.appointment?.available !== true || !atHall || !service) {
    throw new ApiError(422, 'ITEM_NOT_BOOKABLE', '该事项不能在此办事大厅预约办理')
  }
  let windowNumber: string | null = null
  if (service.windowId) {
    const window = await db.selectFrom('hall_windows').select('number').where('id', '=', service.windowId).where('hall_id', '=', hallId).executeTakeFirst()
    windowNumber = window?.number ?? null
  }
  return { code: row.code, name: row.name, hall, schedule, service, windowNumber }
}
