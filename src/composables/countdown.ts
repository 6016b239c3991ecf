import { computed, onScopeDispose, ref, type ComputedRef, type Ref } from 'vue'

export interface UseCountdownOptions {
  /**
   * The clock, for tests.
   * @default Date.now
   */
  now?: () => number
}

/** A countdown in whole seconds (获取验证码's "60 秒后重新获取"): `start(seconds)`, `remaining`, `running`. */
export function useCountdown(options: UseCountdownOptions = {}): { remaining: Ref<number>; running: ComputedRef<boolean>; start: (seconds: number) => void } {
  const now = options.now ?? Date.now
  const remaining = ref(0)
  let endsAt = 0
  let timer: ReturnType<typeof setInterval> | undefined

  function tick(): void {
    remaining.value = Math.max(0, Math.ceil((endsAt - now()) / 1000))
    if (remaining.value === 0) clearInterval(timer)
  }

  function start(seconds: number): void {
    clearInterval(timer)
    endsAt = now() + seconds * 1000
    tick()
    if (remaining.value > 0) timer = setInterval(tick, 1000)
  }

  onScopeDispose(() => clearInterval(timer))
  return { remaining, running: computed(() => remaining.value > 0), start }
}
