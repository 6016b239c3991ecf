// Sign-in codes as the log SMS provider "sends" them: written to the server's log (at info level)
// with the number masked, e.g. {"to":"139****1234","signInCode":"123456",…}.
import { maskMobile } from '../../../contract/validators/masking.ts'
import type { AppServer } from './app-server.ts'

/** The last code the server logged for `phone`, waiting up to `timeoutMs` for it to appear. */
export async function loggedSignInCode(server: AppServer, phone: string, timeoutMs = 10_000): Promise<string> {
  const to = maskMobile(phone)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const codes = server
      .output()
      .split('\n')
      .flatMap((line) => {
        try {
          const entry = JSON.parse(line) as { to?: string; signInCode?: string }
          return entry.to === to && typeof entry.signInCode === 'string' ? [entry.signInCode] : []
        } catch {
          return []
        }
      })
    if (codes.length > 0) return codes.at(-1)!
    if (Date.now() > deadline) throw new Error(`no sign-in code for ${to} in the server log`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
