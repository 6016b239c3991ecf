import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../../config.ts'
import { HttpSmsProvider } from './http-provider.ts'
import { LogSmsProvider } from './log-provider.ts'
import type { SmsProvider } from './sms-provider.ts'

export { HttpSmsProvider } from './http-provider.ts'
export { LogSmsProvider } from './log-provider.ts'
export { SmsDeliveryError, type SignInCodeMessage, type SmsProvider } from './sms-provider.ts'

/** The provider SMS_PROVIDER names (loadConfig has checked that `http` comes with SMS_HTTP_URL). */
export function smsProviderFor(config: Config, logger: FastifyBaseLogger): SmsProvider {
  if (config.SMS_PROVIDER === 'http' && config.SMS_HTTP_URL) {
    return new HttpSmsProvider({
      url: config.SMS_HTTP_URL,
      token: config.SMS_HTTP_TOKEN,
      template: config.SMS_TEMPLATE,
      timeoutMs: config.SMS_HTTP_TIMEOUT_MS,
    })
  }
  if (config.NODE_ENV === 'production') {
    logger.warn('SMS_PROVIDER=log: sign-in codes are written to this log, not sent; set SMS_PROVIDER=http for real use')
  }
  return new LogSmsProvider(logger)
}
