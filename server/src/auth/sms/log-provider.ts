import type { FastifyBaseLogger } from 'fastify'
import { maskMobile } from '../../../../contract/validators/masking.ts'
import type { SignInCodeMessage, SmsProvider } from './sms-provider.ts'

/** How many sent codes the provider remembers for tests. */
const remembered = 100

/**
 * Sends nothing: logs each code (with the number masked, as every log line is) so a developer
 * running the app locally, or an end-to-end test reading the server's output, can sign in. The
 * last codes are also kept on the object, so API tests read them without parsing logs.
 * Not for production: anyone who reads the log could sign in as anyone.
 */
export class LogSmsProvider implements SmsProvider {
  readonly kind = 'log'
  readonly sent: SignInCodeMessage[] = []
  readonly #logger: FastifyBaseLogger | undefined

  constructor(logger?: FastifyBaseLogger) {
    this.#logger = logger
  }

  async sendSignInCode(message: SignInCodeMessage): Promise<void> {
    this.sent.push(message)
    if (this.sent.length > remembered) this.sent.shift()
    this.#logger?.info({ to: maskMobile(message.phone), signInCode: message.code }, `登录验证码 sign-in code ${message.code}`)
  }

  /** The last code sent to a number, or undefined. */
  lastCodeTo(phone: string): string | undefined {
    return this.sent.findLast((message) => message.phone === phone)?.code
  }
}
