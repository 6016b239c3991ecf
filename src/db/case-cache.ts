import type { CaseDetail, CaseSummary } from '../../contract/applications.ts'
import { db, type CaseDetailRecord } from './app-db.ts'

// The citizen's cases as last read from the server, for 我的办件 and the case pages offline. Rows
// are keyed by case number and carry their citizen (ownerId): sign-out removes exactly theirs, and
// a row of another citizen on a shared phone is never shown.

/** The cached list of one citizen, newest first, with when the server last gave it (null if never). */
export async function readCachedCaseList(ownerId: string): Promise<{ cases: CaseSummary[]; listedAt: string | null }> {
  const records = await db.caseDetails.where('ownerId').equals(ownerId).toArray()
  const listed = records.filter((record) => record.summary)
  const cases = listed.map((record) => record.summary as CaseSummary).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
  const listedAt = listed.reduce<string | null>((latest, record) => (record.listedAt && (!latest || record.listedAt > latest) ? record.listedAt : latest), null)
  return { cases, listedAt }
}

/**
 * Stores a freshly fetched list. One transaction, so a tab closed mid-write keeps the whole old
 * list rather than half of each; the whole cases already read stay with their rows.
 */
export async function storeCaseList(ownerId: string, cases: CaseSummary[], listedAt: string): Promise<void> {
  await db.transaction('rw', db.caseDetails, async () => {
    const existing = new Map((await db.caseDetails.where('ownerId').equals(ownerId).toArray()).map((record) => [record.caseNumber, record]))
    const listed = new Set(cases.map((summary) => summary.caseNumber))
    const records: CaseDetailRecord[] = cases.map((summary) => ({
      caseNumber: summary.caseNumber,
      ownerId,
      detail: existing.get(summary.caseNumber)?.detail ?? null,
      fetchedAt: existing.get(summary.caseNumber)?.fetchedAt ?? null,
      summary,
      listedAt,
    }))
    // A case the server no longer lists for this citizen leaves the list, and the phone.
    await db.caseDetails.bulkDelete([...existing.keys()].filter((caseNumber) => !listed.has(caseNumber)))
    await db.caseDetails.bulkPut(records)
  })
}

/** The whole case as last read by this citizen, with when; null when never opened on this phone. */
export async function readCachedCase(ownerId: string, caseNumber: string): Promise<{ detail: CaseDetail; fetchedAt: string } | null> {
  const record = await db.caseDetails.get(caseNumber)
  if (!record || record.ownerId !== ownerId || !record.detail || !record.fetchedAt) return null
  return { detail: record.detail as CaseDetail, fetchedAt: record.fetchedAt }
}

/** Keeps the whole case as just read (its list line, if any, stays). */
export async function storeCase(ownerId: string, detail: CaseDetail, fetchedAt: string): Promise<void> {
  await db.transaction('rw', db.caseDetails, async () => {
    const existing = await db.caseDetails.get(detail.caseNumber)
    const kept = existing?.ownerId === ownerId ? existing : undefined
    // Vue may hand a reactive copy: IndexedDB's structured clone needs plain data, and a case is plain JSON.
    const plain = JSON.parse(JSON.stringify(detail)) as CaseDetail
    await db.caseDetails.put({ caseNumber: detail.caseNumber, ownerId, detail: plain, fetchedAt, summary: kept?.summary ?? null, listedAt: kept?.listedAt ?? null })
  })
}

/** Forgets a case that the server says is not this citizen's (404). */
export async function forgetCachedCase(ownerId: string, caseNumber: string): Promise<void> {
  await db.caseDetails.where({ caseNumber }).filter((record) => record.ownerId === ownerId).delete()
}
