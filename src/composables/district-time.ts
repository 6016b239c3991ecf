import { onScopeDispose, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatShanghaiDateTime } from '../domain/shanghai-time.ts'

/** Formats timestamps as the district reads them: YYYY年M月D日 HH:mm, Asia/Shanghai. */
export function useDistrictDateTime(): (at: Date | string) => string {
  const { t } = useI18n()
  return (at) => formatShanghaiDateTime(at, t)
}

export interface UseNowOptions {
  /**
   * How often the clock ticks, in ms.
   * @default 60_000
   */
  interval?: number
}

/** The current time as a ref that advances while the component lives ("open now" stays right). */
export function useNow(options: UseNowOptions = {}): Ref<Date> {
  const now = ref(new Date())
  const timer = setInterval(() => (now.value = new Date()), options.interval ?? 60_000)
  onScopeDispose(() => clearInterval(timer))
  return now
}
