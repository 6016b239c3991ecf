import helmet from '@fastify/helmet'
import fp from 'fastify-plugin'

/**
 * The Content-Security-Policy the built PWA runs under. Vite emits external scripts and styles
 * only, so no 'unsafe-inline' is needed; data:/blob: images cover inline icons and generated QR
 * codes. Adjust here and nowhere else.
 */
export const contentSecurityPolicy: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
}

/** The policy as the header value, e.g. for tests and the README. */
export function contentSecurityPolicyHeader(): string {
  return Object.entries(contentSecurityPolicy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ')
}

export default fp(
  async (fastify) => {
    await fastify.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    })
  },
  { name: 'security-headers' },
)
