/**
 * Where sign-in returns to: a path inside the app from `?next=`, never another origin
 * (`//evil.example`, `https://…`) that a crafted link could send a signed-in citizen to.
 */
export function safeNextPath(next: unknown, fallback = '/me'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback
  return next
}
