/**
 * JSON with object keys sorted (undefined properties left out, as JSON.stringify does), so equal
 * content always serialises, and so hashes, the same: guide versions, ETags, idempotency fingerprints.
 */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item: unknown) =>
      item !== null && typeof item === 'object' && !Array.isArray(item)
        ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : item,
    ) ?? 'null'
  )
}
