import { db, type ComplaintDraftRecord, type DraftFileRecord } from './app-db.ts'

// The complaint or suggestion being written (投诉建议), on the phone only until it is sent: one open
// draft per citizen ('' when nobody is signed in), its photos in draftFiles under the draft's id.
// Nothing here needs the network, so a draft saves the same offline.

/** A fresh draft id; its prefix names the citizen so that sign-out finds the photos (personal-data.ts). */
export const complaintDraftId = (ownerId: string, random: string): string => `complaint:${ownerId}:${random}`

/** The citizen's draft not yet sent, if any (the newest when there are several). */
export async function findOpenComplaintDraft(ownerId: string): Promise<ComplaintDraftRecord | undefined> {
  const drafts = await db.complaintDrafts.where('ownerId').equals(ownerId).filter((draft) => draft.submissionId === null).sortBy('updatedAt')
  return drafts.at(-1)
}

/** Saves the whole draft. */
export async function putComplaintDraft(draft: ComplaintDraftRecord): Promise<void> {
  // Vue hands reactive proxies, which IndexedDB's structured clone cannot copy; a draft is plain JSON.
  await db.complaintDrafts.put(JSON.parse(JSON.stringify(draft)) as ComplaintDraftRecord)
}

/** Marks the draft as sent by the outbox write `submissionId`; its photos stay until the server has it. */
export async function markComplaintDraftSent(id: string, submissionId: string): Promise<void> {
  await db.complaintDrafts.update(id, { submissionId })
}

/** Deletes a draft and its photos (discarded, or sent and acknowledged). */
export async function deleteComplaintDraft(id: string): Promise<void> {
  await db.transaction('rw', db.complaintDrafts, db.draftFiles, async () => {
    await db.draftFiles.where('draftId').equals(id).delete()
    await db.complaintDrafts.delete(id)
  })
}

/** The draft's photos, oldest first. */
export function listComplaintPhotos(draftId: string): Promise<DraftFileRecord[]> {
  return db.draftFiles.where('draftId').equals(draftId).sortBy('addedAt')
}

/**
 * Removes drafts whose complaint the server has acknowledged, wherever that happened (a replay on a
 * later page load, another tab). A draft whose write still waits or was refused keeps its photos:
 * they are what the outbox sends, or what the citizen corrects.
 */
export async function pruneSentComplaintDrafts(ownerId: string): Promise<void> {
  await db.transaction('rw', [db.complaintDrafts, db.draftFiles, db.outbox], async () => {
    const sent = await db.complaintDrafts.where('ownerId').equals(ownerId).filter((draft) => draft.submissionId !== null).toArray()
    for (const draft of sent) {
      const write = await db.outbox.get(draft.submissionId!)
      if (write && write.state !== 'sent') continue
      await db.draftFiles.where('draftId').equals(draft.id).delete()
      await db.complaintDrafts.delete(draft.id)
    }
  })
}

/**
 * Makes the open draft written before signing in the citizen's own (with its photos), so that
 * signing in to file with one's name keeps what was written. Nothing happens when the citizen
 * already has an open draft or there is none to take.
 */
export async function claimGuestComplaintDraft(ownerId: string, random: string): Promise<void> {
  await db.transaction('rw', db.complaintDrafts, db.draftFiles, async () => {
    if (await findOpenComplaintDraft(ownerId)) return
    const guest = await findOpenComplaintDraft('')
    if (!guest) return
    const id = complaintDraftId(ownerId, random)
    await db.draftFiles.where('draftId').equals(guest.id).modify({ draftId: id })
    await db.complaintDrafts.delete(guest.id)
    await db.complaintDrafts.put({ ...guest, id, ownerId })
  })
}

export { addDraftFile as addComplaintPhoto, deleteDraftFile as deleteComplaintPhoto } from './drafts.ts'
