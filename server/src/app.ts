import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { ErrorBody } from '../../contract/errors.ts'
import type { SmsProvider } from './auth/sms/index.ts'
import type { Config } from './config.ts'
import type { Database } from './db/schema.ts'
import { fileStorageFor, type FileStorage } from './files/file-storage.ts'
import { loggerOptions } from './logger.ts'
import auth from './plugins/auth.ts'
import compress from './plugins/compress.ts'
import db from './plugins/db.ts'
import errors from './plugins/errors.ts'
import files from './plugins/files.ts'
import gracefulClose from './plugins/graceful-close.ts'
import idempotency from './plugins/idempotency.ts'
import push from './notifications/push-plugin.ts'
import bookingReminders from './appointments/booking-reminders.ts'
import fileSweep from './files/file-sweep.ts'
import rateLimit from './plugins/rate-limit.ts'
import securityHeaders from './plugins/security-headers.ts'
import sms from './plugins/sms.ts'
import staticFiles from './plugins/static-files.ts'
import swagger from './plugins/swagger.ts'
import workingDays from './plugins/working-days.ts'
import api from './routes/api/index.ts'
import { createValidatorCompiler } from './validation.ts'

/** Largest accepted request body; larger ones get 413 in the error shape. */
export const bodyLimitBytes = 64 * 1024

export interface AppOptions {
  config: Config
  /** A migrated database; the app closes it when it closes. */
  db: Kysely<Database>
  /** Where stored files live; by default a directory under DATA_DIR (see fileStorageFor). */
  storage?: FileStorage
  /** Where sign-in codes go; by default the provider SMS_PROVIDER names (tests read the log provider's codes). */
  sms?: SmsProvider
}

/**
 * The whole server (API, OpenAPI document, built PWA) as one Fastify instance, not yet
 * listening: server.ts listens, tests use `app.inject()`.
 */
export async function buildApp({ config, db: database, storage = fileStorageFor(config), sms: smsProvider }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.LOG_LEVEL),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: bodyLimitBytes,
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setValidatorCompiler(createValidatorCompiler())
  // The API speaks JSON only; a text/plain body is a 415, not a string to validate.
  app.removeContentTypeParser('text/plain')
  app.addSchema(ErrorBody)

  await app.register(gracefulClose)
  await app.register(db, { db: database })
  await app.register(files, { storage })
  await app.register(fileSweep)
  await app.register(securityHeaders)
  await app.register(compress)
  app.decorate('config', config)
  await app.register(workingDays, { dataDir: config.DATA_DIR })
  await app.register(rateLimit, { max: config.RATE_LIMIT_MAX })
  await app.register(swagger)
  await app.register(sms, { provider: smsProvider })
  await app.register(auth)
  await app.register(idempotency)
  await app.register(push)
  await app.register(bookingReminders)
  await app.register(staticFiles, { root: config.STATIC_DIR })
  await app.register(errors, { notFoundPerMinute: Math.max(10, Math.ceil(config.RATE_LIMIT_MAX / 5)) })
  await app.register(api, { prefix: '/api' })
  return app
}
