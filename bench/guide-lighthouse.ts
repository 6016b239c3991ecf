// Figure: Lighthouse's mobile performance audit of a cold /g/<code> open (what a QR code scan on
// paper does): the performance score, LCP, FCP, TBT, CLS and Speed Index, as the median of N runs
// against the built app served by the real server, in Debian's Chromium.
// Lighthouse's default mobile profile: Moto G Power viewport, simulated slow 4G (150 ms RTT,
// 1.6 Mbps), 4× CPU slowdown.
// Run: npm run build && npm exec -- node bench/guide-lighthouse.ts [code] [runs]
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { startAppServer } from '../tests/e2e/support/app-server.ts'
import { chromiumPath } from '../scripts/ensure-chromium.ts'
import { CHROMIUM_FLAGS } from '../tests/e2e/support/browser.ts'

const [codeArgument, runsArgument] = process.argv.slice(2)
const code = codeArgument ?? '000172008000001'
const runs = Number(runsArgument ?? 5)

interface RunFigures {
  score: number
  lcp: number
  fcp: number
  tbt: number
  cls: number
  speedIndex: number
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const server = await startAppServer()
const figures: RunFigures[] = []
try {
  for (let run = 0; run < runs; run += 1) {
    // A fresh browser profile each run: nothing cached, no service worker, as a first scan.
    const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: CHROMIUM_FLAGS })
    try {
      const result = await lighthouse(`${server.baseURL}/g/${code}`, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' })
      if (!result) throw new Error('Lighthouse gave no result')
      const { audits, categories } = result.lhr
      figures.push({
        score: Math.round((categories.performance?.score ?? 0) * 100),
        lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
        fcp: audits['first-contentful-paint']?.numericValue ?? NaN,
        tbt: audits['total-blocking-time']?.numericValue ?? NaN,
        cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
        speedIndex: audits['speed-index']?.numericValue ?? NaN,
      })
    } finally {
      chrome.kill()
    }
  }
} finally {
  await server.stop()
}

const pick = (key: keyof RunFigures) => median(figures.map((figure) => figure[key]))
console.log(`Lighthouse ${runs}× on /g/${code} (mobile profile: simulated slow 4G, 4× CPU), median of runs:`)
console.log(`  performance score ${pick('score')} (runs: ${figures.map((figure) => figure.score).join(', ')})`)
console.log(`  LCP ${(pick('lcp') / 1000).toFixed(2)} s, FCP ${(pick('fcp') / 1000).toFixed(2)} s, Speed Index ${(pick('speedIndex') / 1000).toFixed(2)} s`)
console.log(`  TBT ${pick('tbt').toFixed(0)} ms, CLS ${pick('cls').toFixed(3)}`)
