import { createHash } from 'node:crypto'
import { canonicalJson } from './canonical-json.ts'

/** Whether an If-None-Match header names the tag (weak comparison, as RFC 9110 asks for GET). */
export function matchesETag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)
}

/** A strong ETag for a JSON answer: a hash of its canonical JSON, so equal content gets equal tags. */
export function contentETag(body: unknown): string {
  return `"${createHash('sha256').update(canonicalJson(body)).digest('base64url').slice(0, 22)}"`
}
