import { onScopeDispose, ref, toRaw, watch, type Ref } from 'vue'

/**
 * Saves a draft to the phone as the citizen types: after a pause in typing (debounced), and at
 * once when the page is hidden, left or unmounted, so a reload, a closed tab or a lost connection
 * loses nothing. Opening a draft (the first assignment, or one draft replaced by another when
 * `switchIsEdit` is false) is not an edit.
 */
export function useDraftAutosave<Draft extends { id: string; updatedAt: string }>(
  draft: Ref<Draft | null>,
  write: (draft: Draft) => Promise<void>,
  options: { saveDelayMs?: number; switchIsEdit?: boolean } = {},
) {
  const saveDelayMs = options.saveDelayMs ?? 400
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
    await write({ ...toRaw(draft.value), updatedAt })
    savedAt.value = updatedAt
  }

  /** Writes the draft now, changed or not (a new draft, one about to get files, one sent). */
  async function saveChanged(): Promise<void> {
    dirty = true
    await saveNow()
  }

  /** Forgets what is pending: nothing is written (the draft was deleted). */
  function cancel(): void {
    clearTimeout(timer)
    dirty = false
  }

  watch(
    draft,
    (next, previous) => {
      if (!previous || !next) return
      if (options.switchIsEdit === false && previous.id !== next.id) return
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

  return { savedAt, saveNow, saveChanged, cancel }
}
