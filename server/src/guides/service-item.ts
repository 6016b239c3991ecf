import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { ServiceItem } from '../../../contract/guides.ts'
import { canonicalJson } from '../canonical-json.ts'
import type { Database } from '../db/schema.ts'
import { guideVersionsRepository, versionInfo } from '../repositories/guide-versions-repository.ts'
import { serviceItemsRepository } from '../repositories/service-items-repository.ts'

/** The short URL printed on paper guides and encoded in their QR codes (第五条: one source). */
export function canonicalUrl(code: string): string {
  return `/g/${code}`
}

/** A published item with its current guide and earlier versions; undefined when unknown or withdrawn. */
export async function findServiceItem(db: Kysely<Database>, code: string): Promise<ServiceItem | undefined> {
  const item = await serviceItemsRepository(db).findPublishedRow(code)
  if (!item) return undefined
  const [current, ...history] = await guideVersionsRepository(db).listPublished(code)
  if (!current) return undefined
  return {
    code: item.code,
    basicCode: item.basic_code,
    implementationCode: item.implementation_code,
    canonicalUrl: canonicalUrl(item.code),
    current: versionInfo(current),
    history: history.map(versionInfo),
    guide: current.content,
  }
}

/** The strong ETag of an item as GET /api/v1/items/{code} answers it: its version and a hash of its content. */
export function serviceItemETag(item: ServiceItem): string {
  const hash = createHash('sha256').update(canonicalJson(item)).digest('base64url').slice(0, 22)
  return `"v${item.current.version}-${hash}"`
}
