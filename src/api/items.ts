import type { ServiceItem } from '../../contract/guides.ts'
import { apiGetConditional, type ConditionalResult } from './client.ts'

/** One item with its current guide; with the cached copy's ETag, `unchanged` when that copy is current. */
export function fetchItem(code: string, etag: string | null = null): Promise<ConditionalResult<ServiceItem>> {
  return apiGetConditional<ServiceItem>(`/api/v1/items/${encodeURIComponent(code)}`, etag)
}

/** The QR code (SVG) of an item's canonical short URL, for the print view. */
export function qrCodeUrl(code: string): string {
  return `/api/v1/items/${encodeURIComponent(code)}/qr.svg`
}

/**
 * The item the server wrote into /g/<code>'s HTML for a cold open from a QR code: the same answer
 * as GET /api/v1/items/{code} with its ETag, without waiting for a request. Taken once; null when
 * the page carries none (the service worker answered, or the citizen came by another route).
 */
export function takeEmbeddedItem(code: string): ConditionalResult<ServiceItem> | null {
  const element = document.getElementById('embedded-item')
  if (!element) return null
  element.remove()
  const text = element.textContent ?? ''
  try {
    const body = JSON.parse(text) as ServiceItem
    if (body.code !== code) return null
    return { status: 'fetched', body, etag: element.dataset.etag ?? null, bytes: new Blob([text]).size }
  } catch {
    return null
  }
}
