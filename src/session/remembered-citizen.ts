// Who last signed in on this phone (id and masked number, never the CSRF token), so pages that
// key personal data by the citizen — drafts, the profile kept for prefill — open offline too.
// Removed on sign-out and by 清除本机数据.
const KEY = 'session.citizen'

export interface RememberedCitizen {
  id: string
  maskedPhone: string
}

export function readRememberedCitizen(): RememberedCitizen | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null')
    if (typeof parsed !== 'object' || parsed === null) return null
    const { id, maskedPhone } = parsed as Partial<RememberedCitizen>
    return typeof id === 'string' && typeof maskedPhone === 'string' ? { id, maskedPhone } : null
  } catch {
    return null
  }
}

export function rememberCitizen(citizen: RememberedCitizen): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ id: citizen.id, maskedPhone: citizen.maskedPhone }))
  } catch {
    // Without storage the app still works online; offline it asks to sign in again.
  }
}

export function forgetCitizen(): void {
  try {
    localStorage.removeItem(KEY)
  } catch {
    // Nothing kept where there is no storage.
  }
}
