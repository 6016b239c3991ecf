import { onScopeDispose, ref, toRaw, watch } from 'vue'
import type { DraftRecord } from '../db/app-db.ts'
import { findOpenDraft, putDraft } from '../db/drafts.ts'
import { newIdempotencyKey } from '../outbox/idempotency-key.ts'

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
  const saveDelayMs = options.saveDelayMs ?? 400
  /** The draft being edited; null until opened. */
  const draft = ref<DraftRecord | null>(null)
  /** When the draft was last written to the phone (ISO). */
  const savedAt = ref<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  let dirty = false

  /** Writes the draft now if it changed since the last write. */
  async function saveNow(): Promise<void> {
    clearTimeout(timer)
    if (!dirty || !draft.value) return
    dirty = false
    // The time goes into the stored copy only: writing it into the watched draft would count as an edit.
    const updatedAt = new Date().toISOString()
    await putDraft({ ...toRaw(draft.value), updatedAt })
    savedAt.value = updatedAt
  }

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
      dirty = true
      await saveNow()
      // A draft is the citizen's own work: ask the browser not to evict it when storage runs low.
      void navigator.storage?.persist?.().catch(() => false)
    }
    return draft.value
  }

  /** Stops saving (the draft was deleted): nothing pending is written. */
  function close(): void {
    clearTimeout(timer)
    dirty = false
    draft.value = null
  }

  watch(
    draft,
    (next, previous) => {
      // The first assignment (open) is not an edit, nor is closing.
      if (!previous || !next) return
      dirty = true
      clearTimeout(timer)
      timer = setTimeout(() => void saveNow(), saveDelayMs)
    },
    { deep: true },
  )

  const saveWhenHidden = () => {
    if (document.visibilityState === 'hidden') void saveNow()
  }
  const saveOnLeave = () => void saveNow()
  document.addEventListener('visibilitychange', saveWhenHidden)
  window.addEventListener('pagehide', saveOnLeave)
  onScopeDispose(() => {
    document.removeEventListener('visibilitychange', saveWhenHidden)
    window.removeEventListener('pagehide', saveOnLeave)
    void saveNow()
  })

  return { draft, savedAt, open, saveNow, close }
}
