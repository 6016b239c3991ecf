import type { BrowserContext, Page } from 'playwright-core'

/**
 * The phone's connection, for tests that watch a write go out. `context.setOffline` cuts the
 * browser's own requests, but a request the test routes is fetched by Playwright from outside the
 * browser, where that switch does not reach: recordAnswers fails such requests itself while the
 * phone is offline, as the phone's network would.
 */
export interface PhoneNetwork {
  readonly offline: boolean
  setOffline(offline: boolean): Promise<void>
}

export function phoneNetwork(context: BrowserContext): PhoneNetwork {
  let offline = false
  return {
    get offline() {
      return offline
    },
    async setOffline(value: boolean) {
      offline = value
      await context.setOffline(value)
    },
  }
}

/** The status of each answer the server gave to the page's requests matching `url`, in order. */
export async function recordAnswers(page: Page, url: string, network: PhoneNetwork): Promise<number[]> {
  const statuses: number[] = []
  await page.route(url, async (route) => {
    if (network.offline) return route.abort('internetdisconnected')
    const response = await route.fetch()
    statuses.push(response.status())
    await route.fulfill({ response })
  })
  return statuses
}
