import fp from 'fastify-plugin'
import { smsProviderFor, type SmsProvider } from '../auth/sms/index.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Where sign-in codes go (SMS_PROVIDER): the log by default, an SMS gateway over HTTP in production. */
    sms: SmsProvider
  }
}

/** Decorates the app with the SMS provider: the one given (tests), else the configured one. */
export default fp<{ provider?: SmsProvider | undefined }>(
  async (fastify, { provider }) => {
    fastify.decorate('sms', provider ?? smsProviderFor(fastify.config, fastify.log))
  },
  { name: 'sms' },
)
