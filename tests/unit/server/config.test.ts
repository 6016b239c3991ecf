import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../server/src/config.ts'

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      NODE_ENV: 'production',
      PORT: 8080,
      HOST: '0.0.0.0',
      DATA_DIR: './data',
      STATIC_DIR: './dist',
      LOG_LEVEL: 'info',
      SEED_DEMO: true,
      RATE_LIMIT_MAX: 300,
      TRUST_PROXY: false,
      CITIZEN_SESSION_DAYS: 30,
      STAFF_SESSION_HOURS: 12,
      SMS_PROVIDER: 'log',
      SMS_TEMPLATE: 'sign-in-code',
      SMS_HTTP_TIMEOUT_MS: 5000,
      SIGN_IN_CODE_INTERVAL_SECONDS: 60,
      SIGN_IN_CODES_PER_PHONE_PER_HOUR: 5,
      SIGN_IN_CODES_PER_ADDRESS_PER_HOUR: 20,
      UPLOAD_MAX_BYTES: 10 * 1024 * 1024,
      UPLOAD_RETENTION_HOURS: 24,
      COMPLAINT_ACKNOWLEDGE_WORKING_DAYS: 1,
      COMPLAINT_ANSWER_WORKING_DAYS: 5,
    })
  })

  it('reads typed values from environment strings and ignores unrelated variables', () => {
    const config = loadConfig({ PORT: '9000', SEED_DEMO: 'false', DATABASE_URL: 'postgres://u@h/db', PATH: '/bin' })
    expect(config).toMatchObject({ PORT: 9000, SEED_DEMO: false, DATABASE_URL: 'postgres://u@h/db' })
    expect(config).not.toHaveProperty('PATH')
  })

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError)
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(/PORT.*DATABASE_URL|DATABASE_URL.*PORT/)
  })
})
