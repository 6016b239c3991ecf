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
  try {
    return envSchema<Config>({ schema, data: env, env: false, dotenv: false })
  } catch (error) {
    throw new ConfigError(`配置无效 (invalid configuration): ${(error as Error).message}`)
  }
}
