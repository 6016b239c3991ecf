import { Type, type Static } from 'typebox'
import { Timestamp } from './common.ts'

// Citizen sign-in by mainland mobile number and one-time code (PRODUCT.md §8), and the session
// rules every client follows.
//
// Sessions live in httpOnly cookies the app never reads. Every state-changing request (POST, PUT,
// PATCH, DELETE) that a session should authenticate must carry the session's CSRF token in the
// `X-CSRF-Token` header; the token is in a readable cookie (`kdl_csrf` for citizens,
// `kdl_staff_csrf` for staff) and in the sign-in and "who am I" answers. Without it the request
// counts as anonymous, and an operation that needs the session answers 403 CSRF_TOKEN_INVALID.
// Reads (GET) need no token.

/** The header that carries the CSRF token of the session on state-changing requests. */
export const CSRF_HEADER = 'X-CSRF-Token'

/** Cookie names: the httpOnly session token (Path=/api) and its readable CSRF token (Path=/). */
export const SESSION_COOKIES = {
  citizen: { session: 'kdl_session', csrf: 'kdl_csrf' },
  staff: { session: 'kdl_staff_session', csrf: 'kdl_staff_csrf' },
} as const

/** A mainland China mobile number, 11 digits starting 13–19, without +86 or spaces. */
export const MobileNumber = Type.String({
  pattern: '^1[3-9][0-9]{9}$',
  description: '中国大陆手机号码（11 位）',
  examples: ['13800000000'],
})

/** The six-digit one-time code the citizen received by SMS. */
export const SignInCode = Type.String({ pattern: '^[0-9]{6}$', description: '6 位短信验证码', examples: ['123456'] })

/** Body of POST /api/v1/auth/codes: send a sign-in code to this number. */
export const SignInCodeRequest = Type.Object({ phone: MobileNumber }, { additionalProperties: false, $id: 'SignInCodeRequest' })
export type SignInCodeRequest = Static<typeof SignInCodeRequest>

/**
 * The answer to a code request. It is the same for every number, whether or not it has signed in
 * before: the API never tells whether a number has an account.
 */
export const SignInCodeSent = Type.Object(
  {
    /** The code stops working after this many seconds (5 minutes). */
    expiresInSeconds: Type.Integer({ minimum: 1 }),
    /** The earliest a new code to the same number can be asked for. */
    resendAfterSeconds: Type.Integer({ minimum: 0 }),
  },
  { $id: 'SignInCodeSent' },
)
export type SignInCodeSent = Static<typeof SignInCodeSent>

/** Body of POST /api/v1/auth/sessions: sign in with the number and the code sent to it. */
export const CitizenSignIn = Type.Object({ phone: MobileNumber, code: SignInCode }, { additionalProperties: false, $id: 'CitizenSignIn' })
export type CitizenSignIn = Static<typeof CitizenSignIn>

/**
 * The signed-in citizen (answer of sign-in and of GET /api/v1/me). The phone is masked; the full
 * number is in the profile, which only its owner reads.
 */
export const Me = Type.Object(
  {
    /** Stable id of the citizen: key the phone's personal data (drafts, cases) by it. */
    id: Type.String(),
    /** The sign-in number with its middle digits hidden, e.g. 138****0000. */
    maskedPhone: Type.String(),
    /** Send as `X-CSRF-Token` on every state-changing request (also in the `kdl_csrf` cookie). */
    csrfToken: Type.String(),
    /** When the session ends unless used again; each use extends it (30 days by default). */
    sessionExpiresAt: Timestamp,
  },
  { $id: 'Me' },
)
export type Me = Static<typeof Me>
