import { toRaw } from 'vue'
import { db, type CaseRecord, type DraftFileRecord, type DraftRecord } from './app-db.ts'

// Drafts of one-form applications (草稿) and the files attached to them, on the phone only until
// the application is sent. Writes are small and frequent (every pause in typing), so each is one
// put; nothing here needs the network, so a draft saves the same offline.

/** The citizen's draft of the item not yet sent, if any (the newest when there are several). */
export async function findOpenDraft(ownerId: string, itemCode: string): Promise<DraftRecord | undefined> {
  const drafts = await db.drafts.where('ownerId').equals(ownerId).filter((draft) => draft.itemCode === itemCode && draft.submissionId === null).sortBy('updatedAt')
  return drafts.at(-1)
}

export function getDraft(id: string): Promise<DraftRecord | undefined> {
  return db.drafts.get(id)
}

/** The citizen's drafts not yet sent, newest first (我的 › 草稿). */
export async function listOpenDrafts(ownerId: string): Promise<DraftRecord[]> {
  const drafts = await db.drafts.where('ownerId').equals(ownerId).filter((draft) => draft.submissionId === null).sortBy('updatedAt')
  return drafts.reverse()
}

/** Saves the whole draft. */
export async function putDraft(draft: DraftRecord): Promise<void> {
  // IndexedDB's structured clone cannot copy Vue's reactive proxies, and toRaw() unwraps only the
  // top level (table rows edited in the form stay proxies inside): a draft is plain JSON, so a
  // JSON copy is a plain deep copy.
  await db.drafts.put(JSON.parse(JSON.stringify(toRaw(draft))) as DraftRecord)
}

/** Deletes a draft and its files (the citizen discarded it). */
export async function deleteDraft(id: string): Promise<void> {
  await db.transaction('rw', db.drafts, db.draftFiles, async () => {
    await db.draftFiles.where('draftId').equals(id).delete()
    await db.drafts.delete(id)
  })
}

export function listDraftFiles(draftId: string): Promise<DraftFileRecord[]> {
  return db.draftFiles.where('draftId').equals(draftId).sortBy('addedAt')
}

export async function addDraftFile(file: DraftFileRecord): Promise<void> {
  await db.draftFiles.put(file)
}

export async function updateDraftFile(id: string, changes: Partial<Pick<DraftFileRecord, 'uploadId' | 'uploadExpiresAt'>>): Promise<void> {
  await db.draftFiles.update(id, changes)
}

export async function deleteDraftFile(id: string): Promise<void> {
  await db.draftFiles.delete(id)
}

export function getDraftFile(id: string): Promise<DraftFileRecord | undefined> {
  return db.draftFiles.get(id)
}

/** The receipts of applications this citizen sent from this phone, newest first. */
export async function listKeptCases(ownerId: string): Promise<CaseRecord[]> {
  return (await db.cases.where('ownerId').equals(ownerId).sortBy('submittedAt')).reverse()
}

/**
 * Removes drafts (and their files) whose application the server has acknowledged, wherever that
 * happened (a replay on a later page load, another tab). A draft whose write is still waiting or
 * was refused stays: its files are what the outbox sends, or what the citizen corrects.
 */
export async function pruneSentDrafts(ownerId: string): Promise<void> {
  await db.transaction('rw', [db.drafts, db.draftFiles, db.outbox], async () => {
    const sent = await db.drafts.where('ownerId').equals(ownerId).filter((draft) => draft.submissionId !== null).toArray()
    for (const draft of sent) {
      const write = await db.outbox.get(draft.submissionId!)
      if (write && write.state !== 'sent') continue
      await db.draftFiles.where('draftId').equals(draft.id).delete()
      await db.drafts.delete(draft.id)
    }
  })
}
