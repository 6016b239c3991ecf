// Figure: offline catalogue search over 2,000 entries in Chromium (p50/p95 per keystroke), with
// the search module the app ships (src/domain/catalogue-search.ts), on this machine's CPU and
// under Lighthouse's mobile CPU slowdown (4×) in the same run.
// Run: npm exec -- node bench/catalogue-search.ts [entries=2000]
import { readFileSync } from 'node:fs'
import { stripTypeScriptTypes } from 'node:module'
import { join } from 'node:path'
import { launchChromium } from '../tests/e2e/support/browser.ts'
import { syntheticCatalogue } from './synthetic-catalogue.ts'

const size = Number(process.argv[2] ?? 2000)
const entries = syntheticCatalogue(size)
// Every prefix of each query, as a citizen types it.
const queries = ['身份证', 'sfz', 'shenfenzheng', '低保', 'dibao', '营业执照', 'yingyezhizhao', '000172', 'hkqy', '社保卡 补换', '结婚', 'gtgsh', '不存在的事项']
const keystrokes = queries.flatMap((query) => Array.from(query, (_, index) => query.slice(0, index + 1)))

// The module as the browser would run it: types stripped, exports made into globals.
const moduleSource = stripTypeScriptTypes(readFileSync(join(import.meta.dirname, '..', 'src', 'domain', 'catalogue-search.ts'), 'utf8'))
  .replace(/^export /gm, '')
const script = `${moduleSource}\nwindow.catalogueSearch = { buildSearchIndex, searchCatalogue };`

const browser = await launchChromium()
const results: string[] = []
for (const cpuSlowdown of [1, 4]) {
  const page = await browser.newPage()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown })
  await page.evaluate(script)
  const timing = await page.evaluate(
    ({ entries, keystrokes }) => {
      const { buildSearchIndex, searchCatalogue } = (window as unknown as { catalogueSearch: { buildSearchIndex: (e: unknown[]) => unknown; searchCatalogue: (i: unknown, q: string) => unknown[] } }).catalogueSearch
      const started = performance.now()
      const index = buildSearchIndex(entries)
      const indexMs = performance.now() - started
      for (const query of keystrokes) searchCatalogue(index, query) // warm-up
      const samples: number[] = []
      for (let round = 0; round < 10; round += 1) {
        for (const query of keystrokes) {
          const before = performance.now()
          searchCatalogue(index, query)
          samples.push(performance.now() - before)
        }
      }
      samples.sort((a, b) => a - b)
      const at = (quantile: number) => samples[Math.min(samples.length - 1, Math.floor(quantile * samples.length))]!
      return { indexMs, p50: at(0.5), p95: at(0.95), max: samples.at(-1)!, count: samples.length }
    },
    { entries, keystrokes },
  )
  results.push(
    `CPU ${cpuSlowdown}×: index built in ${timing.indexMs.toFixed(1)} ms; per keystroke p50 ${timing.p50.toFixed(2)} ms, p95 ${timing.p95.toFixed(2)} ms, max ${timing.max.toFixed(2)} ms (${timing.count} searches)`,
  )
  await page.close()
}
await browser.close()
console.log(`Offline search over ${size} catalogue entries in Chromium:`)
for (const line of results) console.log(line)
