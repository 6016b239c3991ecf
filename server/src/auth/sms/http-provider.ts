import { SmsDeliveryError, type SignInCodeMessage, type SmsProvider } from './sms-provider.ts'

export interface HttpSmsOptions {
  /** The gateway endpoint that takes one message per POST. */
  url: string
  /** Sent as `Authorization: Bearer <token>` when given. */
  token?: string | undefined
  /** The gateway's template id for the sign-in message. */
  template: string
  timeoutMs: number
}

/**
 * Posts each code to an SMS gateway as JSON:
 * `{ "phone": "13800000000", "code": "123456", "template": "sign-in-code", "params": { "code": "123456", "minutes": 5 } }`.
 * Any 2xx answer counts as accepted; anything else, a network error or the timeout is a
 * SmsDeliveryError. A gateway with another shape sits behind a small adapter of the operator's.
 */
export class HttpSmsProvider implements SmsProvider {
  readonly kind = 'http'
  readonly #options: HttpSmsOptions

  constructor(options: HttpSmsOptions) {
    this.#options = options
  }

  async sendSignInCode({ phone, code, expiresInMinutes }: SignInCodeMessage): Promise<void> {
    const { url, token, template, timeoutMs } = this.#options
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (token) headers.authorization = `Bearer ${token}`
    let response: Response
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ phone, code, template, params: { code, minutes: expiresInMinutes } }),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new SmsDeliveryError(`SMS gateway unreachable: ${(error as Error).message}`, { cause: error })
    }
    // Drain the body so the connection can be reused; its content is not needed.
    await response.arrayBuffer().catch(() => undefined)
    if (!response.ok) throw new SmsDeliveryError(`SMS gateway answered ${response.status}`)
  }
}
