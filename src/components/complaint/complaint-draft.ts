import { computed, onScopeDispose, ref } from 'vue'
import type { ComplaintDraftRecord } from '../../db/app-db.ts'
import {
  addComplaintPhoto,
  claimGuestComplaintDraft,
  complaintDraftId,
  deleteComplaintDraft,
  deleteComplaintPhoto,
  findOpenComplaintDraft,
  listComplaintPhotos,
  putComplaintDraft,
} from '../../db/complaint-drafts.ts'
import { newIdempotencyKey } from '../../outbox/idempotency-key.ts'
import { useDraftAutosave } from '../../composables/draft-autosave.ts'
import { emptyComplaintValues, PHOTO_MAX_BYTES, PHOTO_MEDIA_TYPES, PHOTOS_MAX, type ComplaintFormValues } from './complaint-rules.ts'

export interface UseComplaintDraftOptions {
  /** Makes a picked photo ready to keep and upload (compressed). @default the file as it is */
  prepare?: (file: File) => Promise<File>
  /** How long typing may pause before the draft is written. @default 400 */
  saveDelayMs?: number
}

/** A photo of the draft as the form shows it. */
export interface ComplaintPhotoView {
  id: string
  name: string
  bytes: number
  /** An object URL of the kept (compressed) photo for the thumbnail; null where the browser gives none, or while preparing. */
  url: string | null
  preparing: boolean
}

/** A thumbnail URL for a kept photo; null where the browser cannot make one (the photo still counts and is sent). */
function objectUrl(blob: Blob): string | null {
  try {
    return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(blob) : null
  } catch {
    return null
  }
}

/**
 * The complaint being written, saved to IndexedDB as the citizen types (debounced) and at once when
 * the page is hidden or left, with its photos kept on the phone (compressed) from the moment they
 * are picked: a reload, a closed tab or a lost connection loses nothing.
 */
export function useComplaintDraft(options: UseComplaintDraftOptions = {}) {
  const prepare = options.prepare ?? (async (file: File) => file)
  /** The draft being edited; null until opened. */
  const draft = ref<ComplaintDraftRecord | null>(null)
  const values = computed(() => draft.value?.values as ComplaintFormValues | undefined)
  /** The draft's photos, oldest first. */
  const photos = ref<ComplaintPhotoView[]>([])
  // Opening another draft (signing in takes over a guest's) is not an edit.
  const { savedAt, saveNow, saveChanged, cancel } = useDraftAutosave(draft, putComplaintDraft, { saveDelayMs: options.saveDelayMs, switchIsEdit: false })

  function revokeAll(): void {
    for (const photo of photos.value) if (photo.url) URL.revokeObjectURL(photo.url)
  }

  async function loadPhotos(): Promise<void> {
    revokeAll()
    if (!draft.value) return
    photos.value = (await listComplaintPhotos(draft.value.id)).map((file) => ({ id: file.id, name: file.name, bytes: file.bytes, url: objectUrl(file.blob), preparing: false }))
  }

  /** Opens the citizen's open draft ('' when nobody is signed in), or starts one with `start` applied. */
  async function open(ownerId: string, start: Partial<ComplaintFormValues> = {}): Promise<void> {
    if (ownerId !== '') await claimGuestComplaintDraft(ownerId, newIdempotencyKey())
    const existing = await findOpenComplaintDraft(ownerId)
    const now = new Date().toISOString()
    draft.value = existing
      ? { ...existing, values: { ...emptyComplaintValues(), ...(existing.values as Partial<ComplaintFormValues>) } }
      : { id: complaintDraftId(ownerId, newIdempotencyKey()), ownerId, values: { ...emptyComplaintValues(), anonymous: ownerId === '', ...start }, createdAt: now, updatedAt: now, submissionId: null }
    savedAt.value = existing?.updatedAt ?? null
    await loadPhotos()
  }

  /**
   * Keeps a picked photo with the draft (compressed first). `full` when the draft already holds
   * PHOTOS_MAX photos; `unsupported` for what the server would refuse (not JPEG, PNG or WEBP, or
   * above 5 MB even compressed), so that it never holds the whole complaint back later.
   */
  async function addPhoto(picked: File): Promise<'added' | 'full' | 'unsupported'> {
    if (!draft.value || photos.value.length >= PHOTOS_MAX) return 'full'
    const id = newIdempotencyKey()
    photos.value = [...photos.value, { id, name: picked.name, bytes: picked.size, url: null, preparing: true }]
    const file = await prepare(picked)
    if (!PHOTO_MEDIA_TYPES.includes(file.type) || file.size > PHOTO_MAX_BYTES) {
      photos.value = photos.value.filter((photo) => photo.id !== id)
      return 'unsupported'
    }
    // A draft file needs its draft on the phone first.
    await saveChanged()
    await addComplaintPhoto({ id, draftId: draft.value.id, materialId: 'photo', name: file.name, mediaType: file.type, bytes: file.size, blob: file, uploadId: null, uploadExpiresAt: null, addedAt: new Date().toISOString() })
    photos.value = photos.value.map((photo) => (photo.id === id ? { ...photo, name: file.name, bytes: file.size, url: objectUrl(file), preparing: false } : photo))
    return 'added'
  }

  async function removePhoto(id: string): Promise<void> {
    await deleteComplaintPhoto(id)
    const removed = photos.value.find((photo) => photo.id === id)
    if (removed?.url) URL.revokeObjectURL(removed.url)
    photos.value = photos.value.filter((photo) => photo.id !== id)
  }

  /** Marks the draft as handed to the outbox write `submissionId`: it is no longer the open draft. */
  async function markSent(submissionId: string): Promise<void> {
    if (!draft.value) return
    draft.value.submissionId = submissionId
    await saveChanged()
  }

  /** Throws the draft and its photos away. */
  async function discard(): Promise<void> {
    if (!draft.value) return
    cancel()
    await deleteComplaintDraft(draft.value.id)
    revokeAll()
    photos.value = []
    draft.value = null
  }

  onScopeDispose(revokeAll)

  return { draft, values, photos, savedAt, open, addPhoto, removePhoto, markSent, discard, saveNow }
}
