import { onScopeDispose, ref, type Ref } from 'vue'
import { NetworkError } from '../api/client.ts'
import { uploadMaterialFile } from '../api/applications.ts'
import { addDraftFile, deleteDraftFile, getDraftFile, listDraftFiles, updateDraftFile } from '../db/drafts.ts'
import type { DraftFileRecord } from '../db/app-db.ts'
import type { AttachedFile } from '../domain/application-materials.ts'
import { apiErrorMessage } from '../domain/api-message.ts'
import type { Translate } from '../domain/translate.ts'
import { newIdempotencyKey } from '../outbox/idempotency-key.ts'

export interface UseMaterialUploadsOptions {
  /** Makes a picked file ready to keep and upload (images compressed). @default the file as it is */
  prepare?: (file: File) => Promise<File>
  /** For the Chinese error messages. */
  t: Translate
}

const isCurrent = (record: DraftFileRecord) => record.uploadId !== null && record.uploadExpiresAt !== null && Date.parse(record.uploadExpiresAt) > Date.now()

/**
 * The files attached to a draft's materials: kept on the phone (draftFiles) as soon as picked,
 * uploaded at once when there is a connection, with progress per file; a failed upload is retried
 * from the kept copy, never by picking again. Offline they wait; the outbox uploads what is left.
 */
export function useMaterialUploads(draftId: Ref<string | null>, options: UseMaterialUploadsOptions) {
  const prepare = options.prepare ?? (async (file: File) => file)
  /** The draft's files, oldest first. */
  const files = ref<AttachedFile[]>([])

  function patch(id: string, changes: Partial<AttachedFile>): void {
    files.value = files.value.map((file) => (file.id === id ? { ...file, ...changes } : file))
  }

  /** Uploads a kept file now; offline it stays waiting. */
  async function upload(id: string): Promise<void> {
    if (!navigator.onLine) {
      patch(id, { state: 'waiting', error: null })
      return
    }
    const record = await getDraftFile(id)
    if (!record) return
    patch(id, { state: 'uploading', progress: 0, error: null })
    try {
      const answer = await uploadMaterialFile(record.blob, record.name, { onProgress: (progress) => patch(id, { progress }) })
      await updateDraftFile(id, { uploadId: answer.uploadId, uploadExpiresAt: answer.expiresAt })
      patch(id, { state: 'uploaded', progress: 1 })
    } catch (error) {
      // Lost connection: it waits for the next one (or the outbox); a refusal needs the citizen.
      if (error instanceof NetworkError && !navigator.onLine) patch(id, { state: 'waiting', error: null })
      else patch(id, { state: 'failed', error: apiErrorMessage(error, options.t) })
    }
  }

  /** Loads the draft's kept files and uploads those not on the server yet. */
  async function load(): Promise<void> {
    if (!draftId.value) return
    const records = await listDraftFiles(draftId.value)
    files.value = records.map((record) => ({
      id: record.id,
      materialId: record.materialId,
      name: record.name,
      mediaType: record.mediaType,
      bytes: record.bytes,
      state: isCurrent(record) ? 'uploaded' : 'waiting',
      progress: isCurrent(record) ? 1 : 0,
      error: null,
    }))
    for (const file of files.value) if (file.state === 'waiting') void upload(file.id)
  }

  /** Attaches a picked file to a material: prepared, kept on the phone, then uploaded. */
  async function add(materialId: string, picked: File): Promise<void> {
    if (!draftId.value) return
    const id = newIdempotencyKey()
    files.value = [...files.value, { id, materialId, name: picked.name, mediaType: picked.type, bytes: picked.size, state: 'preparing', progress: 0, error: null }]
    const file = await prepare(picked)
    await addDraftFile({ id, draftId: draftId.value, materialId, name: file.name, mediaType: file.type, bytes: file.size, blob: file, uploadId: null, uploadExpiresAt: null, addedAt: new Date().toISOString() })
    patch(id, { name: file.name, mediaType: file.type, bytes: file.size, state: 'waiting' })
    await upload(id)
  }

  async function remove(id: string): Promise<void> {
    await deleteDraftFile(id)
    files.value = files.value.filter((file) => file.id !== id)
  }

  const uploadWaiting = () => {
    for (const file of files.value) if (file.state === 'waiting') void upload(file.id)
  }
  window.addEventListener('online', uploadWaiting)
  onScopeDispose(() => window.removeEventListener('online', uploadWaiting))

  return { files, load, add, retry: upload, remove }
}
