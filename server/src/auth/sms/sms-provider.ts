/** A sign-in code to deliver by SMS. */
export interface SignInCodeMessage {
  /** Mainland mobile number, 11 digits. */
  phone: string
  code: string
  /** Minutes until the code stops working, for the message text. */
  expiresInMinutes: number
}

/**
 * How sign-in codes reach phones. `log` (LogSmsProvider) writes them to the server log for local
 * use and tests; `http` (HttpSmsProvider) posts them to an SMS gateway. A provider throws
 * SmsDeliveryError when the message could not be handed over; the code is then withdrawn.
 */
export interface SmsProvider {
  readonly kind: 'log' | 'http'
  sendSignInCode(message: SignInCodeMessage): Promise<void>
}

export class SmsDeliveryError extends Error {
  override name = 'SmsDeliveryError'
}
