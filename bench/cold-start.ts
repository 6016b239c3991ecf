// Figure: how long `npm start` takes on a built tree until the API answers, with a new data
// directory (migrate + seed) and with an existing one. Both in one run, so their ratio is fair.
// Run: npm run build && node bench/cold-start.ts [runs=5]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildIfNeeded } from '../scripts/build-if-needed.ts'
import { startAppServer } from '../tests/e2e/support/app-server.ts'

const runs = Number(process.argv[2] ?? 5)
const npmStart = ['npm', 'start', '--silent']

async function timeStart(dataDir: string): Promise<number> {
  const server = await startAppServer({ command: npmStart, dataDir })
  await server.stop()
  return server.startupMs
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]!
  return `${label.padEnd(34)} median ${median.toFixed(0).padStart(5)} ms   min ${sorted[0]!.toFixed(0).padStart(5)} ms   max ${sorted.at(-1)!.toFixed(0).padStart(5)} ms`
}

buildIfNeeded()
const fresh: number[] = []
const existing: number[] = []
for (let run = 0; run < runs; run += 1) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kdl-bench-'))
  fresh.push(await timeStart(dataDir))
  existing.push(await timeStart(dataDir))
  rmSync(dataDir, { recursive: true, force: true })
}
console.log(`npm start on a built tree, until GET /api/health answers 200 (${runs} runs each):`)
console.log(summary('new data directory (migrate, seed)', fresh))
console.log(summary('existing data directory', existing))
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!
console.log(`ratio new / existing: ${(median(fresh) / median(existing)).toFixed(2)}`)
