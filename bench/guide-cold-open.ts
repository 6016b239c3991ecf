// Figure: a cold open of /g/<code> on a phone, as a QR code scan does it: the JavaScript the page
// had downloaded when the guide first showed (bytes on the wire, and their gzip-level-9 size),
// and the time to that moment, without throttling and on a slow 4G profile with 4× CPU slowdown.
// Run: npm run build && npm exec -- node bench/guide-cold-open.ts [code] [--list]
import { gzipSync } from 'node:zlib'
import { ANDROID_UA, launchChromium, newPhoneContext } from '../tests/e2e/support/browser.ts'
import { startAppServer } from '../tests/e2e/support/app-server.ts'

interface Measured {
  shownAt: number
  scripts: Array<{ url: string; transferSize: number }>
}

const code = process.argv.slice(2).find((argument) => !argument.startsWith('--')) ?? '000172008000001'
const list = process.argv.includes('--list')
const server = await startAppServer()
const browser = await launchChromium()
const lines: string[] = []
try {
  for (const profile of [
    { name: 'no throttling', network: null, cpu: 1 },
    // Lighthouse's mobile profile: 150 ms RTT, 1.6 Mbps down, 750 kbps up, CPU 4× slower.
    { name: 'slow 4G, CPU 4×', network: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }, cpu: 4 },
  ]) {
    const context = await newPhoneContext(browser, server.baseURL, ANDROID_UA)
    // The moment the guide first shows: its version line is rendered only with the guide itself
    // (the heading reads 办事指南 while it loads).
    await context.addInitScript(() => {
      new MutationObserver((_mutations, observer) => {
        if (document.querySelector('[data-testid="guide-version"]')) {
          ;(window as unknown as { __guideShownAt: number }).__guideShownAt = performance.now()
          observer.disconnect()
        }
      }).observe(document, { childList: true, subtree: true })
    })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    if (profile.network) {
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network })
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu })
    await page.goto(`/g/${code}`)
    await page.getByTestId('guide-version').waitFor()
    const measured: Measured = await page.evaluate(() => {
      const shownAt = (window as unknown as { __guideShownAt: number }).__guideShownAt
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'))
        .filter((entry) => entry.responseEnd > 0 && entry.responseEnd <= shownAt)
        .map((entry) => ({ url: entry.name, transferSize: entry.transferSize }))
      return { shownAt, scripts }
    })
    let gzip = 0
    for (const script of measured.scripts) {
      const bytes = gzipSync(Buffer.from(await (await fetch(script.url)).arrayBuffer()), { level: 9 }).length
      gzip += bytes
      if (list) lines.push(`  ${(bytes / 1024).toFixed(1).padStart(6)} KB  ${new URL(script.url).pathname}`)
    }
    const wire = measured.scripts.reduce((sum, script) => sum + script.transferSize, 0)
    lines.push(
      `${profile.name.padEnd(16)} guide shown after ${measured.shownAt.toFixed(0).padStart(5)} ms; ${measured.scripts.length} scripts, ${(wire / 1024).toFixed(1)} KB on the wire, ${(gzip / 1024).toFixed(1)} KB gzip -9`,
    )
    await context.close()
  }
} finally {
  await browser.close()
  await server.stop()
}
console.log(`Cold open of /g/${code} (phone 390×844, Android UA, fresh profile):`)
for (const line of lines) console.log(line)
