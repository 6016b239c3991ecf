import type { ComplaintDetail, ComplaintSummary } from '../../contract/complaints.ts'
import { db, type ComplaintRecord } from './app-db.ts'

// Complaints as last read from the server, for 我的投诉 and a complaint's page offline, and the query
// code of each complaint sent from this phone (for an anonymous one, the only way back in). Rows
// carry their citizen ('' when nobody was signed in): sign-out removes exactly theirs.

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** The list of one citizen, newest first, with when the server last gave it (null if never). */
export async function readCachedComplaintList(ownerId: string): Promise<{ complaints: ComplaintSummary[]; listedAt: string | null }> {
  const records = await db.complaints.where('ownerId').equals(ownerId).toArray()
  const listed = records.filter((record) => record.summary)
  const complaints = listed.map((record) => record.summary as ComplaintSummary).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
  const listedAt = listed.reduce<string | null>((latest, record) => (record.listedAt && (!latest || record.listedAt > latest) ? record.listedAt : latest), null)
  return { complaints, listedAt }
}

/** Stores a freshly fetched list in one transaction; whole complaints and query codes already kept stay. */
export async function storeComplaintList(ownerId: string, complaints: ComplaintSummary[], listedAt: string): Promise<void> {
  await db.transaction('rw', db.complaints, async () => {
    const existing = new Map((await db.complaints.where('ownerId').equals(ownerId).toArray()).map((record) => [record.trackingNumber, record]))
    const records: ComplaintRecord[] = complaints.map((summary) => {
      const kept = existing.get(summary.trackingNumber)
      return { trackingNumber: summary.trackingNumber, ownerId, summary: plain(summary), detail: kept?.detail ?? null, fetchedAt: kept?.fetchedAt ?? null, listedAt, queryCode: kept?.queryCode ?? null }
    })
    await db.complaints.bulkPut(records)
  })
}

export interface KeptComplaint {
  detail: ComplaintDetail | null
  fetchedAt: string | null
  queryCode: string | null
}

/** The complaint as last read on this phone by `ownerId`; null when never. */
export async function readCachedComplaint(ownerId: string, trackingNumber: string): Promise<KeptComplaint | null> {
  const record = await db.complaints.get(trackingNumber)
  if (!record || record.ownerId !== ownerId) return null
  return { detail: (record.detail as ComplaintDetail | null) ?? null, fetchedAt: record.fetchedAt, queryCode: record.queryCode }
}

/** Keeps the whole complaint as just read (its list line and query code stay). */
export async function storeComplaint(ownerId: string, detail: ComplaintDetail, fetchedAt: string, queryCode?: string): Promise<void> {
  await db.transaction('rw', db.complaints, async () => {
    const existing = await db.complaints.get(detail.trackingNumber)
    const kept = existing?.ownerId === ownerId ? existing : undefined
    await db.complaints.put({
      trackingNumber: detail.trackingNumber,
      ownerId,
      summary: kept?.summary ?? null,
      listedAt: kept?.listedAt ?? null,
      detail: plain(detail),
      fetchedAt,
      queryCode: queryCode ?? kept?.queryCode ?? null,
    })
  })
}

/** Complaints sent from this phone while nobody was signed in, newest first (each with its query code). */
export async function listAnonymousComplaints(): Promise<Array<{ detail: ComplaintDetail; queryCode: string }>> {
  const records = await db.complaints.where('ownerId').equals('').toArray()
  return records
    .filter((record) => record.detail && record.queryCode)
    .map((record) => ({ detail: record.detail as ComplaintDetail, queryCode: record.queryCode! }))
    .sort((a, b) => b.detail.submittedAt.localeCompare(a.detail.submittedAt))
}

/** Forgets a complaint the server says is not this citizen's (404). */
export async function forgetCachedComplaint(ownerId: string, trackingNumber: string): Promise<void> {
  await db.complaints.where({ trackingNumber }).filter((record) => record.ownerId === ownerId).delete()
}
