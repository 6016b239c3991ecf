import type { CatalogueChanges } from '../../contract/guides.ts'
import { apiRequest } from './client.ts'

/** Catalogue entries changed and withdrawn since `cursor` (the whole catalogue without one). */
export function fetchCatalogueChanges(cursor: string | null): Promise<CatalogueChanges> {
  const query = cursor === null ? '' : `?since=${encodeURIComponent(cursor)}`
  return apiRequest<CatalogueChanges>('GET', `/api/v1/catalogue/changes${query}`)
}
