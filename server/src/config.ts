import { envSchema } from 'env-schema'
import { Type, type Static } from 'typebox'

/** Every setting the server reads from the environment; each one is documented in .env.example. */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Enum(['production', 'development', 'test'], { default: 'production' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  STATIC_DIR: Type.String({ minLength: 1, default: './dist' }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  SEED_DEMO: Type.Boolean({ default: true }),
  RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 300 }),
  TRUST_PROXY: Type.Boolean({ default: false }),
  /** The public origin printed in QR codes, e.g. https://zwfw.example.gov.cn; the request's own origin when unset. */
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/\\s]+$' })),
  /** Session cookies marked Secure; unset: true when NODE_ENV is production or PUBLIC_URL is https (see auth/session-cookies.ts). */
  COOKIE_SECURE: Type.Optional(Type.Boolean()),
  CITIZEN_SESSION_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  STAFF_SESSION_HOURS: Type.Integer({ minimum: 1, maximum: 72, default: 12 }),
  /** How sign-in codes are sent: `log` writes them to the server log (local use), `http` posts them to SMS_HTTP_URL. */
  SMS_PROVIDER: Type.Enum(['log', 'http'], { default: 'log' }),
  SMS_HTTP_URL: Type.Optional(Type.String({ pattern: '^https?://\\S+$' })),
  SMS_HTTP_TOKEN: Type.Optional(Type.String({ minLength: 1 })),
  SMS_TEMPLATE: Type.String({ minLength: 1, default: 'sign-in-code' }),
  SMS_HTTP_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60000, default: 5000 }),
  /** Sign-in code limits: seconds between codes to one number, codes per number and per client address per hour. */
  SIGN_IN_CODE_INTERVAL_SECONDS: Type.Integer({ minimum: 0, default: 60 }),
  SIGN_IN_CODES_PER_PHONE_PER_HOUR: Type.Integer({ minimum: 1, default: 5 }),
  SIGN_IN_CODES_PER_ADDRESS_PER_HOUR: Type.Integer({ minimum: 1, default: 20 }),
  /** Largest material upload accepted, in bytes (images are also held to 5 MB, PDFs to 10 MB). */
  UPLOAD_MAX_BYTES: Type.Integer({ minimum: 1024, maximum: 100 * 1024 * 1024, default: 10 * 1024 * 1024 }),
  /** Hours an upload is kept while no submitted application attaches it. */
  UPLOAD_RETENTION_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 30, default: 24 }),
  /** Web Push (VAPID) key pair, base64url; both or neither. Unset: generated once and kept in DATA_DIR/vapid-keys.json. */
  VAPID_PUBLIC_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{80,100}$' })),
  VAPID_PRIVATE_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{40,50}$' })),
  /** Who push services may contact about our pushes: mailto:… or https://…; unset: PUBLIC_URL if https, else mailto:webpush@localhost. */
  VAPID_SUBJECT: Type.Optional(Type.String({ pattern: '^(mailto:\\S+@\\S+|https://\\S+)$' })),
  /** Accept push subscription endpoints over plain http (a local test push service only); unset: https only. */
  PUSH_ALLOW_HTTP_ENDPOINTS: Type.Optional(Type.Boolean()),
  /** 投诉建议: working days (after the day received) to assign a handler, and to answer (also after a reopening). */
  COMPLAINT_ACKNOWLEDGE_WORKING_DAYS: Type.Integer({ minimum: 0, maximum: 30, default: 1 }),
  COMPLAINT_ANSWER_WORKING_DAYS: Type.Integer({ minimum: 1, maximum: 60, default: 5 }),
})
export type Config = Static<typeof ConfigSchema>

declare module 'fastify' {
  interface FastifyInstance {
    /** The validated configuration the app was built with. */
    config: Config
  }
}

/** Thrown when the environment does not satisfy ConfigSchema; its message names the variables. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Reads and validates the configuration. `env` is process.env in production; tests pass a plain
 * object so they never depend on the developer's shell.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // env-schema mutates the schema it is given (additionalProperties), so hand it a copy.
  const schema = structuredClone(ConfigSchema)
  let config: Config
  try {
    config = envSchema<Config>({ schema, data: env, env: false, dotenv: false })
  } catch (error) {
    throw new ConfigError(`配置无效 (invalid configuration): ${(error as Error).message}`)
  }
  if (config.SMS_PROVIDER === 'http' && !config.SMS_HTTP_URL) {
    throw new ConfigError('配置无效 (invalid configuration): SMS_PROVIDER=http needs SMS_HTTP_URL')
  }
  if (Boolean(config.VAPID_PUBLIC_KEY) !== Boolean(config.VAPID_PRIVATE_KEY)) {
    throw new ConfigError('配置无效 (invalid configuration): VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together')
  }
  return config
}
