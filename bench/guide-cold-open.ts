// Figure: a cold open of /g/<code> on a phone, as a QR code scan does it: the JavaScript the page
// downloads before the guide's heading shows (bytes on the wire and gzip-level-9 size), and the
// time to that heading, without throttling and on a slow 4G profile with 4× CPU slowdown.
// Run: npm run build && npm exec -- node bench/guide-cold-open.ts [code]
import { gzipSync } from 'node:zlib'
import { ANDROID_UA, launchChromium, newPhoneContext } from '../tests/e2e/support/browser.ts'
import { startAppServer } from '../tests/e2e/support/app-server.ts'

const server = await startAppServer()
const code = process.argv[2] ?? '000172008000001'
const browser = await launchChromium()
const lines: string[] = []
try {
  for (const profile of [
    { name: 'no throttling', network: null, cpu: 1 },
    // Lighthouse's mobile profile: 150 ms RTT, 1.6 Mbps down, 750 kbps up, CPU 4× slower.
    { name: 'slow 4G, CPU 4×', network: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }, cpu: 4 },
  ]) {
    const context = await newPhoneContext(browser, server.baseURL, ANDROID_UA)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu })
    const scripts = new Map<string, { url: string; wire: number }>()
    cdp.on('Network.responseReceived', (event) => {
      if (event.type === 'Script') scripts.set(event.requestId, { url: event.response.url, wire: 0 })
    })
    cdp.on('Network.loadingFinished', (event) => {
      const script = scripts.get(event.requestId)
      if (script) script.wire = event.encodedDataLength
    })
    const started = Date.now()
    await page.goto(`/g/${code}`)
    await page.locator('h1').filter({ hasNotText: '页面不存在' }).first().waitFor()
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.trim() !== '')
    const headingMs = Date.now() - started
    const before = [...scripts.values()]
    let gzip = 0
    for (const script of before) gzip += gzipSync(Buffer.from(await (await fetch(script.url)).arrayBuffer()), { level: 9 }).length
    const wire = before.reduce((sum, script) => sum + script.wire, 0)
    lines.push(
      `${profile.name.padEnd(16)} heading after ${String(headingMs).padStart(5)} ms; ${before.length} scripts, ${(wire / 1024).toFixed(1)} KB on the wire, ${(gzip / 1024).toFixed(1)} KB gzip -9`,
    )
    await context.close()
  }
} finally {
  await browser.close()
  await server.stop()
}
console.log(`Cold open of /g/${code} (phone 390×844, Android UA, fresh profile):`)
for (const line of lines) console.log(line)
