import type { Kysely } from 'kysely'
import type { HomeServiceConfirmInput, HomeServiceDeclineInput, HomeServiceInput, HomeServiceRequest } from '../../../contract/appointments.ts'
import { addCalendarDays, formatLocalDateChinese, isLocalDate } from '../../../contract/local-date.ts'
import { auditLog } from '../audit/audit-log.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http-errors.ts'
import { notifyCitizen } from '../notifications/notify-citizen.ts'
import type { SignedInStaff } from '../plugins/auth.ts'
import { homeServiceRequestsRepository, toHomeServiceRequest } from '../repositories/home-service-requests-repository.ts'
import { shanghaiDate } from '../time.ts'
import { hallWithSchedule } from './bookable-item.ts'

const notFound = () => new ApiError(404, 'NOT_FOUND', '没有找到该上门服务申请')

const visitTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

function describeVisit(visitAt: Date): string {
  return `${formatLocalDateChinese(shanghaiDate(visitAt))} ${visitTime.format(visitAt)}`
}

/**
 * Stores a citizen's 上门服务 request: the item must be published and listed for home service
 * in the hall's schedule (422 HOME_SERVICE_NOT_OFFERED), the dates from tomorrow on, within the
 * hall's booking horizon (422 DATES_INVALID).
 */
export async function requestHomeService(trx: Kysely<Database>, input: HomeServiceInput, citizenId: string, now: Date): Promise<HomeServiceRequest> {
  const { schedule } = await hallWithSchedule(trx, input.hallId)
  const item = await trx.selectFrom('service_items').select(['code', 'name']).where('code', '=', input.itemCode).where('status', '=', 'published').executeTakeFirst()
  if (!item || !schedule.homeService?.itemCodes.includes(input.itemCode)) {
    throw new ApiError(422, 'HOME_SERVICE_NOT_OFFERED', '该办事大厅不为此事项提供上门服务')
  }
  const tomorrow = addCalendarDays(shanghaiDate(now), 1)
  const lastDay = addCalendarDays(shanghaiDate(now), Math.max(schedule.horizonDays, 30))
  if (input.preferredDates.some((date) => !isLocalDate(date) || date < tomorrow || date > lastDay)) {
    throw new ApiError(422, 'DATES_INVALID', `期望日期应在${formatLocalDateChinese(tomorrow)}至${formatLocalDateChinese(lastDay)}之间`)
  }
  const requests = homeServiceRequestsRepository(trx)
  const id = await requests.insert({
    citizen_id: citizenId,
    item_code: item.code,
    item_name: item.name,
    hall_id: input.hallId,
    address: input.address.trim(),
    reason: input.reason,
    note: input.note?.trim() || null,
    preferred_dates: [...input.preferredDates].sort(),
    contact_name: input.contactName.trim(),
    contact_phone: input.contactPhone,
    created_at: now,
  })
  return toHomeServiceRequest((await requests.findById(id))!)
}

/** The citizen cancels their request while it is requested or confirmed; again answers it unchanged. */
export async function cancelHomeService(trx: Kysely<Database>, id: string, citizenId: string, now: Date): Promise<HomeServiceRequest> {
  const requests = homeServiceRequestsRepository(trx)
  const request = await requests.findOwn(citizenId, id)
  if (!request) throw notFound()
  if (request.status === 'cancelled') return toHomeServiceRequest(request)
  if (request.status === 'declined' || !(await requests.decide(id, request.status, { status: 'cancelled', cancelledAt: now }))) {
    throw new ApiError(409, 'HOME_SERVICE_NOT_OPEN', '该申请已处理完毕，不能取消')
  }
  return toHomeServiceRequest((await requests.findById(id))!)
}

/** Whether the staff member acts for the hall: an administrator for all, others for their own halls. */
export function staffActsForHall(staff: SignedInStaff, hallId: string): boolean {
  return staff.role === 'admin' || staff.hallIds.includes(hallId)
}

async function openRequestFor(trx: Kysely<Database>, id: string, staff: SignedInStaff) {
  const request = await homeServiceRequestsRepository(trx).findById(id)
  if (!request || !staffActsForHall(staff, request.hall_id)) throw notFound()
  if (request.status !== 'requested') throw new ApiError(409, 'HOME_SERVICE_NOT_OPEN', '该申请已处理或已被取消')
  return request
}

/** Staff confirm a request with the visit's time; audit-logged, the citizen notified. */
export async function confirmHomeService(trx: Kysely<Database>, id: string, input: HomeServiceConfirmInput, staff: SignedInStaff, now: Date): Promise<HomeServiceRequest> {
  const request = await openRequestFor(trx, id, staff)
  const visitAt = new Date(input.visitAt)
  if (Number.isNaN(visitAt.getTime()) || visitAt <= now) throw new ApiError(422, 'VISIT_TIME_INVALID', '上门时间应晚于当前时间')
  const note = input.note?.trim() || null
  if (!(await homeServiceRequestsRepository(trx).decide(id, 'requested', { status: 'confirmed', visitAt, staffNote: note, decidedAt: now, decidedBy: staff.id }))) {
    throw new ApiError(409, 'HOME_SERVICE_NOT_OPEN', '该申请已处理或已被取消')
  }
  await auditLog(trx, staff, 'home-service.confirm', `home-service-request:${id}`, { hallId: request.hall_id, itemCode: request.item_code, visitAt: visitAt.toISOString() }, now)
  await notifyCitizen(trx, {
    citizenId: request.citizen_id,
    kind: 'home_service',
    link: `/appointments/home-service/${id}`,
    title: '上门服务已确认',
    body: `“${request.item_name}”上门服务已安排在${describeVisit(visitAt)}，工作人员将按约上门。${note ? `说明：${note}` : ''}`,
    now,
  })
  return toHomeServiceRequest((await homeServiceRequestsRepository(trx).findById(id))!)
}

/** Staff decline a request with a reason; audit-logged, the citizen notified. */
export async function declineHomeService(trx: Kysely<Database>, id: string, input: HomeServiceDeclineInput, staff: SignedInStaff, now: Date): Promise<HomeServiceRequest> {
  const request = await openRequestFor(trx, id, staff)
  const reason = input.reason.trim()
  if (!(await homeServiceRequestsRepository(trx).decide(id, 'requested', { status: 'declined', staffNote: reason, decidedAt: now, decidedBy: staff.id }))) {
    throw new ApiError(409, 'HOME_SERVICE_NOT_OPEN', '该申请已处理或已被取消')
  }
  await auditLog(trx, staff, 'home-service.decline', `home-service-request:${id}`, { hallId: request.hall_id, itemCode: request.item_code }, now)
  await notifyCitizen(trx, {
    citizenId: request.citizen_id,
    kind: 'home_service',
    link: `/appointments/home-service/${id}`,
    title: '上门服务未能安排',
    body: `“${request.item_name}”上门服务申请未能安排，原因：${reason}`,
    now,
  })
  return toHomeServiceRequest((await homeServiceRequestsRepository(trx).findById(id))!)
}
