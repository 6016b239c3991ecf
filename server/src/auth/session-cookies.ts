import type { FastifyReply } from 'fastify'
import { SESSION_COOKIES } from '../../../contract/auth.ts'
import type { Config } from '../config.ts'
import { csrfTokenFor } from './tokens.ts'

/** Citizens' and staff sessions are separate: different cookies, tables and lifetimes. */
export type SessionKind = keyof typeof SESSION_COOKIES

/** How long a session lives without being used; each use starts the period again. */
export function sessionLifetimeMs(config: Config, kind: SessionKind): number {
  return kind === 'citizen' ? config.CITIZEN_SESSION_DAYS * 24 * 3600_000 : config.STAFF_SESSION_HOURS * 3600_000
}

/**
 * Whether cookies carry `Secure`: COOKIE_SECURE when set, else true in production or when the
 * public origin is https. Browsers accept Secure cookies from http://localhost too.
 */
export function cookieSecure(config: Config): boolean {
  return config.COOKIE_SECURE ?? (config.NODE_ENV === 'production' || config.PUBLIC_URL?.startsWith('https://') === true)
}

/**
 * Sets the httpOnly session cookie (sent to /api only) and the readable CSRF cookie (read by the
 * app on every page), both SameSite=Lax and expiring with the session.
 */
export function setSessionCookies(reply: FastifyReply, kind: SessionKind, token: string, expiresAt: Date, secure: boolean): void {
  const names = SESSION_COOKIES[kind]
  const common = { sameSite: 'lax' as const, secure, expires: expiresAt }
  reply.setCookie(names.session, token, { ...common, httpOnly: true, path: '/api' })
  reply.setCookie(names.csrf, csrfTokenFor(token), { ...common, httpOnly: false, path: '/' })
}

/** Tells the browser to forget both cookies of a session (signed out, expired or unknown). */
export function clearSessionCookies(reply: FastifyReply, kind: SessionKind, secure: boolean): void {
  const names = SESSION_COOKIES[kind]
  reply.clearCookie(names.session, { path: '/api', httpOnly: true, sameSite: 'lax', secure })
  reply.clearCookie(names.csrf, { path: '/', sameSite: 'lax', secure })
}
