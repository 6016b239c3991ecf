import type { FastifyServerOptions } from 'fastify'

/**
 * Pino options. Personal data (contacts, phone and ID numbers, session cookies) is censored
 * wherever it appears in a logged object, so a logged error can never leak it.
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
      ],
      censor: '[已隐藏]',
    },
  }
}
