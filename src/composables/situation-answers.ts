import { ref, watch, type Ref } from 'vue'
import type { SituationAnswers } from '../domain/situations.ts'

export interface UseSituationAnswersOptions {
  /**
   * Where answers are remembered: for this browser tab's session, so a reload or a look at
   * another page keeps them, and a shared phone does not keep them for the next person.
   * @default window.sessionStorage
   */
  storage?: Storage
}

const storageKey = (code: string): string => `situations.${code}`

function read(storage: Storage, code: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(code)) ?? '{}')
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {}
  } catch {
    return {}
  }
}

/** The citizen's 情形引导 answers for the guide `code`, remembered per guide for the session. */
export function useSituationAnswers(code: Ref<string>, options: UseSituationAnswersOptions = {}): Ref<SituationAnswers> {
  // Rendered on the server (entry-server.ts): nothing answered yet, nothing to remember.
  if (import.meta.env.SSR) return ref({})
  const storage = options.storage ?? window.sessionStorage
  const answers = ref<Record<string, string>>(read(storage, code.value))
  watch(code, (next) => (answers.value = read(storage, next)))
  watch(
    answers,
    (next) => {
      if (Object.keys(next).length === 0) storage.removeItem(storageKey(code.value))
      else storage.setItem(storageKey(code.value), JSON.stringify(next))
    },
    { deep: true },
  )
  return answers
}
