import { db } from './app-db.ts'

/**
 * Removes one citizen's personal data from the phone (sign-out): their drafts and the files
 * attached to them, the profile and companies kept for prefill, their kept receipts, cases, notifications, bookings and home-service requests, complaints and complaint drafts, and their
 * writes in the outbox — sent or still waiting. Guides, halls and settings stay. One transaction,
 * so a tab closed halfway leaves either all of it or none.
 */
export async function deletePersonalData(ownerId: string): Promise<void> {
  await db.transaction('rw', [db.drafts, db.draftFiles, db.profiles, db.cases, db.caseDetails, db.notifications, db.meta, db.complaintDrafts, db.complaints, db.outbox], async () => {
    const draftIds = await db.drafts.where('ownerId').equals(ownerId).primaryKeys()
    await db.draftFiles.where('draftId').anyOf(draftIds).delete()
    // Files of answers to correction requests (补正) are kept under a key naming their citizen.
    await db.draftFiles.where('draftId').startsWith(`correction:${ownerId}:`).delete()
    // …and what they typed for them, under the same key.
    await db.meta.where('key').startsWith(`correction:${ownerId}:`).delete()
    await db.drafts.bulkDelete(draftIds)
    await db.profiles.delete(ownerId)
    await db.cases.where('ownerId').equals(ownerId).delete()
    await db.caseDetails.where('ownerId').equals(ownerId).delete()
    await db.notifications.where('ownerId').equals(ownerId).delete()
    // 预约: their bookings and 上门服务 requests kept for reading offline (appointment-cache.ts).
    await db.meta.delete(`appointments:${ownerId}`)
    // 投诉建议: drafts (their photos are kept under a key naming their citizen) and complaints kept for offline.
    await db.draftFiles.where('draftId').startsWith(`complaint:${ownerId}:`).delete()
    await db.complaintDrafts.where('ownerId').equals(ownerId).delete()
    await db.complaints.where('ownerId').equals(ownerId).delete()
    await db.outbox.filter((item) => item.ownerId === ownerId).delete()
  })
}
