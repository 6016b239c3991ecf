import { randomUUID } from 'node:crypto'
import type { FastifyInstance, InjectOptions } from 'fastify'
import type { Kysely } from 'kysely'
import type { ComplaintReceipt, ComplaintStatus } from '../../../../contract/complaints.ts'
import type { Database } from '../../../../server/src/db/schema.ts'

// Makes the synthesised requests of the complaint operations succeed: their `examples` name a
// tracking number, query code and photo that do not exist, so a complaint (with a photo, in the
// status the operation starts from) is filed first and the request is pointed at it.

type Headers = Record<string, string>

const trackingPattern = /TS-[0-9]{8}-[0-9]+/
const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/
/** The smallest PNG, as a complaint photo. */
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

/** The status each staff operation's example starts from. */
const staffOperations: Record<string, ComplaintStatus> = {
  getStaffComplaint: 'received',
  assignStaffComplaint: 'received',
  markStaffComplaintHandling: 'assigned',
  answerStaffComplaint: 'assigned',
  closeStaffComplaint: 'answered',
}

const operations = new Set([
  'submitComplaint',
  'uploadComplaintPhoto',
  'getComplaintPhoto',
  'lookUpComplaint',
  'rateComplaintByQueryCode',
  'getComplaintPhotoByQueryCode',
  'getMyComplaint',
  'rateMyComplaint',
  ...Object.keys(staffOperations),
])

export function isComplaintOperation(operationId: string): boolean {
  return operations.has(operationId)
}

function withPayload(request: InjectOptions, change: (body: Record<string, unknown>) => Record<string, unknown>): InjectOptions {
  return { ...request, payload: JSON.stringify(change(JSON.parse(String(request.payload)) as Record<string, unknown>)) }
}

/** Files a complaint about the civic centre and an item of public-security (the fixture staff's); real-name when `headers` sign in. */
async function fileFor(app: FastifyInstance, headers: Headers, withPhoto: boolean): Promise<ComplaintReceipt & { photoId: string | null }> {
  let photoId: string | null = null
  if (withPhoto) {
    const uploaded = await app.inject({ method: 'POST', url: '/api/v1/complaint-photos', headers: { ...headers, 'content-type': 'image/png' }, payload: png, remoteAddress: '10.250.0.1' })
    if (uploaded.statusCode !== 201) throw new Error(`The fixture photo was refused: ${uploaded.body}`)
    photoId = uploaded.json<{ photoId: string }>().photoId
  }
  const signedIn = headers.cookie !== undefined
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: { ...headers, 'idempotency-key': randomUUID() },
    remoteAddress: `10.250.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
    payload: {
      kind: 'complaint',
      category: 'service_attitude',
      concerns: { hallId: 'kundulun-civic-centre', itemCode: '1115020300011500200001' },
      description: '窗口工作人员态度生硬，没有一次性告知所需材料。',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      photoIds: photoId ? [photoId] : [],
      anonymous: !signedIn,
      ...(signedIn && { contact: { name: '王小明', phone: '13800000000' } }),
    },
  })
  if (response.statusCode !== 201) throw new Error(`The fixture complaint was refused: ${response.body}`)
  return { ...response.json<ComplaintReceipt>(), photoId }
}

async function moveTo(db: Kysely<Database>, trackingNumber: string, status: ComplaintStatus, handlerId: string): Promise<void> {
  if (status === 'received') return
  const now = new Date()
  await db
    .updateTable('complaints')
    .set({ status, handler_id: handlerId, ...(status === 'answered' && { answer: '经核实，已对窗口工作人员进行批评教育。', answered_at: now }) })
    .where('tracking_number', '=', trackingNumber)
    .execute()
}

/**
 * Points the operation's request at a complaint made for it. `citizen` signs a new citizen in;
 * `clerkId` is the fixture clerk (the example handler), whose account `ensureClerk` creates.
 */
export async function prepareComplaintRequest(
  app: FastifyInstance,
  db: Kysely<Database>,
  operationId: string,
  request: InjectOptions,
  { citizen, clerkId, ensureClerk }: { citizen: () => Promise<Headers>; clerkId: string; ensureClerk: () => Promise<void> },
): Promise<InjectOptions> {
  const headers = request.headers as Headers
  const url = String(request.url)
  await ensureClerk()
  switch (operationId) {
    case 'submitComplaint':
      return withPayload(request, (body) => {
        const { contact: _contact, ...anonymous } = body
        return { ...anonymous, anonymous: true, concerns: { hallId: 'kundulun-civic-centre', windowId: 'kundulun-civic-centre-w07', staffName: '周琳', itemCode: '1115020300011500200001' } }
      })
    case 'uploadComplaintPhoto':
      return { ...request, payload: png, headers: { ...headers, 'content-type': 'image/png' } }
    case 'getComplaintPhoto': {
      const filed = await fileFor(app, headers, true)
      return { ...request, url: url.replace(trackingPattern, filed.trackingNumber).replace(uuidPattern, filed.photoId!) }
    }
    case 'getMyComplaint':
    case 'rateMyComplaint': {
      const filed = await fileFor(app, headers, false)
      if (operationId === 'rateMyComplaint') await moveTo(db, filed.trackingNumber, 'answered', clerkId)
      return { ...request, url: url.replace(trackingPattern, filed.trackingNumber) }
    }
    case 'lookUpComplaint':
    case 'rateComplaintByQueryCode':
    case 'getComplaintPhotoByQueryCode': {
      const filed = await fileFor(app, {}, operationId === 'getComplaintPhotoByQueryCode')
      if (operationId === 'rateComplaintByQueryCode') await moveTo(db, filed.trackingNumber, 'answered', clerkId)
      // Keys without a session are shared by every anonymous write: the example key may be taken by another operation's.
      const fresh = operationId === 'rateComplaintByQueryCode' ? { ...request, headers: { ...headers, 'idempotency-key': randomUUID() } } : request
      return withPayload(fresh, (body) => ({
        ...body,
        trackingNumber: filed.trackingNumber,
        queryCode: filed.queryCode,
        ...(filed.photoId && { photoId: filed.photoId }),
      }))
    }
    default: {
      const filed = await fileFor(app, await citizen(), false)
      await moveTo(db, filed.trackingNumber, staffOperations[operationId]!, clerkId)
      return { ...request, url: url.replace(trackingPattern, filed.trackingNumber) }
    }
  }
}
