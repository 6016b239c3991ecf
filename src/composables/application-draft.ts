import { ref } from 'vue'
import type { DraftRecord } from '../db/app-db.ts'
import { findOpenDraft, putDraft } from '../db/drafts.ts'
import { newIdempotencyKey } from '../outbox/idempotency-key.ts'
import { useDraftAutosave } from './draft-autosave.ts'

export interface UseApplicationDraftOptions {
  /**
   * How long typing may pause before the draft is written.
   * @default 400
   */
  saveDelayMs?: number
}

/** What a new draft starts from. */
export interface NewDraft {
  ownerId: string
  itemCode: string
  itemName: string
  guideVersion: number
  answers: Record<string, string>
}

/**
 * The citizen's draft of one application, saved to IndexedDB as they type (debounced) and at once
 * when the page is hidden or left, so it survives a reload, a closed tab and being offline.
 */
export function useApplicationDraft(options: UseApplicationDraftOptions = {}) {
  /** The draft being edited; null until opened. */
  const draft = ref<DraftRecord | null>(null)
  const { savedAt, saveNow, saveChanged, cancel } = useDraftAutosave(draft, putDraft, options)

  /** Opens the citizen's open draft of the item, or starts one. */
  async function open(start: NewDraft): Promise<DraftRecord> {
    const existing = await findOpenDraft(start.ownerId, start.itemCode)
    const now = new Date().toISOString()
    draft.value = existing ?? {
      id: newIdempotencyKey(),
      ...start,
      values: {},
      companyId: null,
      materials: {},
      createdAt: now,
      updatedAt: now,
      submissionId: null,
    }
    savedAt.value = existing?.updatedAt ?? null
    if (!existing) {
      await saveChanged()
      // A draft is the citizen's own work: ask the browser not to evict it when storage runs low.
      void navigator.storage?.persist?.().catch(() => false)
    }
    return draft.value
  }

  /** Stops saving (the draft was deleted): nothing pending is written. */
  function close(): void {
    cancel()
    draft.value = null
  }

  return { draft, savedAt, open, saveNow, close }
}
