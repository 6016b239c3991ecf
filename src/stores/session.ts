import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Me, SignInCodeSent } from '../../contract/auth.ts'
import { endSession, fetchMe, sendSignInCode, signInWithCode } from '../api/auth.ts'
import { ApiError } from '../api/client.ts'
import { forgetCitizen, readRememberedCitizen, rememberCitizen, type RememberedCitizen } from '../session/remembered-citizen.ts'

/**
 * The signed-in citizen. Nothing here runs on a page that does not ask: the store loads with the
 * pages that need sign-in (never with the cold guide open) and asks the server once, lazily.
 */
export const useSessionStore = defineStore('session', () => {
  /** The session as the server last answered it; null when signed out or not yet asked. */
  const me = ref<Me | null>(null)
  /** Who is signed in on this phone, also offline (the server's answer, or the one remembered). */
  const citizen = ref<RememberedCitizen | null>(readRememberedCitizen())
  /** Whether someone is signed in (as far as the phone knows when offline). */
  const signedIn = computed(() => citizen.value !== null)

  let asked: Promise<RememberedCitizen | null> | null = null

  function adopt(answer: Me): void {
    me.value = answer
    citizen.value = { id: answer.id, maskedPhone: answer.maskedPhone }
    rememberCitizen(citizen.value)
  }

  /** Asks the server who is signed in, now. Offline, the citizen remembered on the phone stands. */
  async function refresh(): Promise<RememberedCitizen | null> {
    try {
      adopt(await fetchMe())
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        // The session ended (expired, or signed out on the server): what the phone keeps for the
        // previous citizen stays until they sign in again or clear it, but nobody is signed in.
        me.value = null
        citizen.value = null
        forgetCitizen()
      }
    }
    // Pages asking later get this answer, not the one from when the page loaded.
    asked = Promise.resolve(citizen.value)
    return citizen.value
  }

  /** Who is signed in, asking the server the first time a page needs to know. */
  function ensure(): Promise<RememberedCitizen | null> {
    asked ??= refresh()
    return asked
  }

  /** Texts a sign-in code to `phone`; rejects with the server's Chinese message when it cannot. */
  function requestCode(phone: string): Promise<SignInCodeSent> {
    return sendSignInCode(phone)
  }

  /** Signs in with the texted code. */
  async function signIn(phone: string, code: string): Promise<Me> {
    const answer = await signInWithCode(phone, code)
    adopt(answer)
    asked = Promise.resolve(citizen.value)
    return answer
  }

  /**
   * Signs out and removes the citizen's personal data from the phone: profile, drafts and their
   * attachments, kept receipts, and their writes still in the outbox. Offline, the data goes
   * all the same; the server's session then ends when it expires or at the next sign-out.
   */
  async function signOut(): Promise<void> {
    const ownerId = citizen.value?.id ?? null
    try {
      await endSession()
    } catch {
      // Offline or already ended: the phone forgets the citizen regardless.
    }
    if (ownerId) {
      const { deletePersonalData } = await import('../db/personal-data.ts')
      await deletePersonalData(ownerId)
    }
    me.value = null
    citizen.value = null
    forgetCitizen()
    asked = Promise.resolve(null)
  }

  return { me, citizen, signedIn, ensure, refresh, requestCode, signIn, signOut }
})
