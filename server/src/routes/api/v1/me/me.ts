import type { Me } from '../../../../../../contract/auth.ts'
import { maskMobile } from '../../../../../../contract/validators/masking.ts'
import { csrfTokenFor } from '../../../../auth/tokens.ts'
import type { SignedInCitizen } from '../../../../plugins/auth.ts'

/** The "who am I" answer of a citizen's session. */
export function meOf(citizen: SignedInCitizen, sessionToken: string, expiresAt: Date): Me {
  return { id: citizen.id, maskedPhone: maskMobile(citizen.phone), csrfToken: csrfTokenFor(sessionToken), sessionExpiresAt: expiresAt.toISOString() }
}
