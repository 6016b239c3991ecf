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
