// Figure: Lighthouse's mobile performance audit of a cold /g/<code> open (what a QR code scan on
// paper does): the performance score, LCP, FCP, TBT, CLS and Speed Index, as the median of N runs
// against the built app served by the real server, in Debian's Chromium.
// Lighthouse's default mobile profile: Moto G Power viewport, simulated slow 4G (150 ms RTT,
// 1.6 Mbps), 4× CPU slowdown.
// With --compare, the same runs alternate with a server whose build lacks the server-side render
// (dist/.ssr), so the two are measured under the same conditions; with --against=<dir>, they
// alternate with another build of the app in <dir> (e.g. one made from an earlier commit).
// The build measured is dist/, or E2E_STATIC_DIR when set.
// Run: npm run build && npm exec -- node bench/guide-lighthouse.ts [code] [runs] [--compare | --against=<dir>]
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { chromiumPath } from '../scripts/ensure-chromium.ts'
import { startAppServer, type AppServer } from '../tests/e2e/support/app-server.ts'
import { CHROMIUM_FLAGS } from '../tests/e2e/support/browser.ts'

const positional = process.argv.slice(2).filter((argument) => !argument.startsWith('--'))
const code = positional[0] ?? '000172008000001'
const runs = Number(positional[1] ?? 5)
const against = process.argv.find((argument) => argument.startsWith('--against='))?.slice('--against='.length)
const compare = process.argv.includes('--compare') || against !== undefined

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

async function audit(server: AppServer): Promise<RunFigures> {
  // A fresh browser profile each run: nothing cached, no service worker, as a first scan.
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: CHROMIUM_FLAGS })
  try {
    const result = await lighthouse(`${server.baseURL}/g/${code}`, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' })
    if (!result) throw new Error('Lighthouse gave no result')
    const { audits, categories, runtimeError } = result.lhr
    // A run Lighthouse could not finish (e.g. no paint seen in time) has no score: it is counted
    // apart, never as a score of 0.
    const score = categories.performance?.score
    if (runtimeError || score === null || score === undefined) throw new Error(runtimeError ? `${runtimeError.code}: ${runtimeError.message}` : 'no performance score')
    return {
      score: Math.round(score * 100),
      lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
      fcp: audits['first-contentful-paint']?.numericValue ?? NaN,
      tbt: audits['total-blocking-time']?.numericValue ?? NaN,
      cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
      speedIndex: audits['speed-index']?.numericValue ?? NaN,
    }
  } finally {
    chrome.kill()
  }
}

function report(name: string, figures: RunFigures[]): void {
  const pick = (key: keyof RunFigures) => median(figures.map((figure) => figure[key]))
  console.log(`${name}:`)
  console.log(`  performance score ${pick('score')} (runs: ${figures.map((figure) => figure.score).join(', ')})`)
  console.log(`  LCP ${(pick('lcp') / 1000).toFixed(2)} s, FCP ${(pick('fcp') / 1000).toFixed(2)} s, Speed Index ${(pick('speedIndex') / 1000).toFixed(2)} s`)
  console.log(`  TBT ${pick('tbt').toFixed(0)} ms, CLS ${pick('cls').toFixed(3)}`)
}

const distDir = process.env.E2E_STATIC_DIR ?? join(import.meta.dirname, '..', 'dist')
let plainDist: string | null = null
const server = await startAppServer()
let plainServer: AppServer | null = null
if (against !== undefined) {
  plainServer = await startAppServer({ env: { STATIC_DIR: against } })
} else if (compare) {
  plainDist = mkdtempSync(join(tmpdir(), 'kdl-dist-plain-'))
  cpSync(distDir, plainDist, { recursive: true, filter: (source) => !source.startsWith(join(distDir, '.ssr')) })
  plainServer = await startAppServer({ env: { STATIC_DIR: plainDist } })
}
const rendered: RunFigures[] = []
const plain: RunFigures[] = []
const failedRuns: string[] = []
/** Audits once, keeping the figures, or the reason when Lighthouse could not finish the run. */
async function auditInto(target: AppServer, figures: RunFigures[], name: string): Promise<void> {
  try {
    figures.push(await audit(target))
  } catch (error) {
    failedRuns.push(`${name}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
try {
  for (let run = 0; run < runs; run += 1) {
    await auditInto(server, rendered, 'this build')
    if (plainServer) await auditInto(plainServer, plain, 'the other')
  }
} finally {
  await server.stop()
  await plainServer?.stop()
  if (plainDist) rmSync(plainDist, { recursive: true, force: true })
}

if (failedRuns.length > 0) console.log(`runs Lighthouse could not finish (left out of the medians):\n  ${failedRuns.join('\n  ')}`)
console.log(`Lighthouse ${runs}× on /g/${code} (mobile profile: simulated slow 4G, 4× CPU), medians:`)
report(against === undefined ? 'guide rendered on the server' : `this build (${distDir})`, rendered)
if (compare) {
  report(against === undefined ? 'without the server-side render' : `the build in ${against}`, plain)
  const ratio = (key: keyof RunFigures) => (median(rendered.map((figure) => figure[key])) / median(plain.map((figure) => figure[key]))).toFixed(2)
  console.log(`ratios (${against === undefined ? 'rendered / without' : 'this build / the other'}): LCP ${ratio('lcp')}, FCP ${ratio('fcp')}, TBT ${ratio('tbt')}, score ${ratio('score')}`)
}
