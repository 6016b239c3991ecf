import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { COMPLAINT_DESCRIPTION_MIN, COMPLAINT_LIMITS, type ComplaintInput } from '../../../contract/complaints.ts'
import type { WorkingDayCalendar } from '../../../contract/working-days/working-days.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http-errors.ts'
import { complaintPhotosRepository } from '../repositories/complaint-photos-repository.ts'
import { complaintsRepository } from '../repositories/complaints-repository.ts'
import { dailySequencesRepository } from '../repositories/daily-sequences-repository.ts'
import { shanghaiDate } from '../time.ts'
import { dueDate } from './complaint-deadlines.ts'
import { countAddressTry } from './complaint-limits.ts'
import { deriveQueryCode, queryCodeHash } from './query-code.ts'

/** A phone's clock may run a little ahead of the server's: "not in the future" allows this much. */
const CLOCK_SKEW_MS = 5 * 60_000

const trackingSeries = 'TS'

export interface ComplaintSender {
  /** The signed-in citizen, or null for a sender without a session. */
  citizenId: string | null
  clientAddress: string
  /** The write's Idempotency-Key, from which the query code is derived. */
  idempotencyKey: string
}

export interface ComplaintTimeLimits {
  calendar: WorkingDayCalendar
  acknowledgeWorkingDays: number
  answerWorkingDays: number
}

function unprocessable(code: string, path: string, message: string): ApiError {
  return new ApiError(422, code, message, [{ path, message }])
}

/** What the complaint concerns, checked against the published lists and the sender's own records. */
async function resolveConcerns(trx: Kysely<Database>, input: ComplaintInput, citizenId: string | null) {
  const { hallId, windowId, staffName, itemCode, caseNumber, bookingId } = input.concerns
  if (input.anonymous && (caseNumber !== undefined || bookingId !== undefined)) {
    throw unprocessable(
      'CONCERNS_IDENTIFY_COMPLAINANT',
      caseNumber !== undefined ? '/body/concerns/caseNumber' : '/body/concerns/bookingId',
      '匿名投诉不能关联本人的办件或预约（会暴露投诉人身份），请改为实名投诉或删除关联',
    )
  }
  if (hallId !== undefined) {
    const hall = await trx.selectFrom('halls').select('id').where('id', '=', hallId).executeTakeFirst()
    if (!hall) throw unprocessable('HALL_NOT_FOUND', '/body/concerns/hallId', '未找到该办事大厅，请从列表中选择')
  }
  if (windowId !== undefined) {
    const window = hallId === undefined ? undefined : await trx.selectFrom('hall_windows').select('id').where('id', '=', windowId).where('hall_id', '=', hallId).executeTakeFirst()
    if (!window) throw unprocessable('WINDOW_NOT_FOUND', '/body/concerns/windowId', '未找到该窗口，请先选择大厅，再从该大厅的窗口中选择')
  }
  if (staffName !== undefined) {
    const card =
      windowId === undefined
        ? undefined
        : await trx.selectFrom('window_staff').select('id').where('window_id', '=', windowId).where('name', '=', staffName).executeTakeFirst()
    if (!card) throw unprocessable('STAFF_NOT_FOUND', '/body/concerns/staffName', '未找到该工作人员，请先选择窗口，再从该窗口公示的工作人员中选择')
  }
  let departmentId: string | null = null
  if (itemCode !== undefined) {
    const item = await trx.selectFrom('service_items').select('department_id').where('code', '=', itemCode).executeTakeFirst()
    if (!item) throw unprocessable('ITEM_NOT_FOUND', '/body/concerns/itemCode', '未找到该事项，请从事项目录中选择')
    departmentId = item.department_id
  }
  if (caseNumber !== undefined) {
    const found =
      citizenId === null
        ? undefined
        : await trx.selectFrom('cases').select('department_id').where('case_number', '=', caseNumber).where('citizen_id', '=', citizenId).executeTakeFirst()
    if (!found) throw unprocessable('CASE_NOT_FOUND', '/body/concerns/caseNumber', '未找到您的这件办件，请从“我的办件”中选择')
    departmentId ??= found.department_id
  }
  let bookingHallId: string | null = null
  if (bookingId !== undefined) {
    const booking =
      citizenId === null
        ? undefined
        : await trx
            .selectFrom('bookings')
            .leftJoin('service_items', 'service_items.code', 'bookings.item_code')
            .select(['bookings.hall_id as hall_id', 'service_items.department_id as department_id'])
            .where('bookings.id', '=', bookingId)
            .where('bookings.citizen_id', '=', citizenId)
            .executeTakeFirst()
    if (!booking) throw unprocessable('BOOKING_NOT_FOUND', '/body/concerns/bookingId', '未找到您的这次预约，请从“我的预约”中选择')
    bookingHallId = booking.hall_id
    departmentId ??= booking.department_id
  }
  return {
    hallId: hallId ?? bookingHallId,
    windowId: windowId ?? null,
    staffName: staffName ?? null,
    itemCode: itemCode ?? null,
    caseNumber: caseNumber ?? null,
    bookingId: bookingId ?? null,
    departmentId,
  }
}

/**
 * Files a complaint or suggestion in the caller's transaction (the one of its Idempotency-Key):
 * checks the input against the rules of contract/complaints.ts, counts a session-less sender
 * against the address limit, numbers it (TS-YYYYMMDD-NNNN), sets its time limits, attaches its
 * photos. Answers the new complaint's id, tracking number and query code.
 */
export async function submitComplaint(
  trx: Kysely<Database>,
  { input, sender, limits, now }: { input: ComplaintInput; sender: ComplaintSender; limits: ComplaintTimeLimits; now: Date },
): Promise<{ id: string; trackingNumber: string; queryCode: string }> {
  const description = input.description
  if ([...description.trim()].length < COMPLAINT_DESCRIPTION_MIN) {
    throw unprocessable('DESCRIPTION_TOO_SHORT', '/body/description', `请至少用 ${COMPLAINT_DESCRIPTION_MIN} 个字说明情况`)
  }
  if (!input.anonymous) {
    if (sender.citizenId === null) throw new ApiError(401, 'AUTHENTICATION_REQUIRED', '实名投诉请先登录；不登录也可以匿名投诉')
    if (input.contact === undefined) throw unprocessable('CONTACT_REQUIRED', '/body/contact', '实名投诉请填写联系人和联系电话')
  } else if (input.contact !== undefined) {
    throw unprocessable('CONTACT_NOT_ALLOWED', '/body/contact', '匿名投诉不填写联系方式；如需回复到您的电话，请选择实名投诉')
  }
  let occurredAt: Date | null = null
  if (input.occurredAt !== undefined) {
    occurredAt = new Date(input.occurredAt)
    if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw unprocessable('OCCURRED_AT_IN_FUTURE', '/body/occurredAt', '发生时间不能晚于现在')
  } else if (input.kind === 'complaint') {
    throw unprocessable('OCCURRED_AT_REQUIRED', '/body/occurredAt', '请填写事情发生的时间')
  }
  const concerns = await resolveConcerns(trx, input, sender.citizenId)

  if (sender.citizenId === null) {
    await countAddressTry(trx, {
      purpose: 'submission',
      clientAddress: sender.clientAddress,
      limit: COMPLAINT_LIMITS.anonymousPerAddress,
      windowMinutes: COMPLAINT_LIMITS.anonymousWindowMinutes,
      now,
    })
  }

  const day = shanghaiDate(now)
  const number = await dailySequencesRepository(trx).next(trackingSeries, day)
  const trackingNumber = `${trackingSeries}-${day.replaceAll('-', '')}-${String(number).padStart(4, '0')}`
  const id = randomUUID()
  const queryCode = deriveQueryCode(sender.idempotencyKey, id)
  await complaintsRepository(trx).insert({
    id,
    trackingNumber,
    queryCodeHash: queryCodeHash(trackingNumber, queryCode),
    kind: input.kind,
    category: input.category,
    citizenId: sender.citizenId,
    anonymous: input.anonymous,
    contact: input.anonymous || input.contact === undefined ? null : { name: input.contact.name.trim(), phone: input.contact.phone },
    ...concerns,
    description,
    occurredAt,
    submittedAt: now,
    acknowledgeBy: dueDate(limits.calendar, day, limits.acknowledgeWorkingDays),
    answerBy: dueDate(limits.calendar, day, limits.answerWorkingDays),
  })
  const photos = complaintPhotosRepository(trx)
  if (!(await photos.attach(id, input.photoIds, { citizenId: sender.citizenId }, now))) {
    throw unprocessable('PHOTO_NOT_FOUND', '/body/photoIds', '有照片已过期或无法使用，请重新上传照片后再提交')
  }
  return { id, trackingNumber, queryCode }
}
