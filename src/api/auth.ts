import type { Me, SignInCodeSent } from '../../contract/auth.ts'
import { apiRequest } from './client.ts'

/** Asks the server to text a sign-in code to `phone` (11 digits). */
export function sendSignInCode(phone: string): Promise<SignInCodeSent> {
  return apiRequest<SignInCodeSent>('POST', '/api/v1/auth/codes', { body: { phone } })
}

/** Signs in with the number and the code texted to it; the session cookie comes with the answer. */
export function signInWithCode(phone: string, code: string): Promise<Me> {
  return apiRequest<Me>('POST', '/api/v1/auth/sessions', { body: { phone, code } })
}

/** Who is signed in; rejects with ApiError 401 when nobody is. */
export function fetchMe(): Promise<Me> {
  return apiRequest<Me>('GET', '/api/v1/me')
}

/** Ends this session on the server and clears its cookies. */
export function endSession(): Promise<null> {
  return apiRequest<null>('DELETE', '/api/v1/auth/sessions/current')
}
