import type { ApplicationInput, CaseReceipt, Upload } from '../../contract/applications.ts'
import { ApiError, NetworkError, apiHeaders, apiRequest } from './client.ts'

/** Sends a one-form application; a retry with the same key answers the first receipt and makes no second case. */
export function submitApplication(input: ApplicationInput, idempotencyKey: string): Promise<CaseReceipt> {
  return apiRequest<CaseReceipt>('POST', '/api/v1/applications', { body: input, idempotencyKey })
}

export interface UploadOptions {
  /** Called with the share of bytes sent so far, 0…1. */
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
}

/**
 * Uploads one material file as its raw bytes (contract/applications.ts): XMLHttpRequest rather
 * than fetch, because only it reports upload progress. Rejects with ApiError or NetworkError.
 */
export function uploadMaterialFile(blob: Blob, fileName: string, options: UploadOptions = {}): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', '/api/v1/uploads')
    for (const [name, value] of Object.entries(apiHeaders('POST'))) request.setRequestHeader(name, value)
    request.setRequestHeader('content-type', blob.type || 'application/octet-stream')
    // Header values are ASCII; the name is never put in the URL (names can hold personal data).
    request.setRequestHeader('x-file-name', encodeURIComponent(fileName))
    request.timeout = 120_000
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total)
    }
    request.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(request.responseText)
      } catch {
        body = null
      }
      if (request.status >= 200 && request.status < 300) resolve(body as Upload)
      else reject(new ApiError(request.status, body as ConstructorParameters<typeof ApiError>[1]))
    }
    const failed = () => reject(new NetworkError('upload interrupted'))
    request.onerror = failed
    request.ontimeout = failed
    request.onabort = failed
    options.signal?.addEventListener('abort', () => request.abort())
    request.send(blob)
  })
}
