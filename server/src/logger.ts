import type { FastifyServerOptions } from 'fastify'

/**
 * Pino options. Personal data (contacts, phone and ID numbers) and secrets (session cookies, CSRF
 * tokens, passwords) are censored wherever they appear in a logged object, so a logged error can
 * never leak them.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        'contact',
        '*.contact',
        '*.*.contact',
        'phone',
        '*.phone',
        '*.*.phone',
        'idNumber',
        '*.idNumber',
        '*.*.idNumber',
        'password',
        '*.password',
        '*.*.password',
        'req.headers["x-csrf-token"]',
      ],
      censor: '[已隐藏]',
    },
  }
}
