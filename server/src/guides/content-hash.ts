import { createHash } from 'node:crypto'
import { canonicalJson } from '../canonical-json.ts'

/** sha256 (hex) of the canonical JSON of a value. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex')
}
