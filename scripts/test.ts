// `npm test`: every test, in the order their inputs exist — type checks, unit, component and API
// tests (PGlite, then a real PostgreSQL server), the production build, then build checks and
// end-to-end tests in Chromium against the built app. Stops at the first failing step.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildIfNeeded } from './build-if-needed.ts'
import { ensureChromium } from './ensure-chromium.ts'

const root = join(import.meta.dirname, '..')
const bin = (name: string) => join(root, 'node_modules', '.bin', name)
const reports = mkdtempSync(join(tmpdir(), 'kdl-test-'))
const totals = { passed: 0, failed: 0, skipped: 0 }

function run(title: string, command: string, args: string[]): void {
  console.log(`\n━━ ${title} ━━`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (result.status !== 0) finish(`${title} failed`)
}

function vitest(title: string, projects: string[]): void {
  const report = join(reports, `${projects.join('+')}.json`)
  const projectArgs = projects.flatMap((project) => ['--project', project])
  console.log(`\n━━ ${title} ━━`)
  const result = spawnSync(bin('vitest'), ['run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  })
  try {
    const summary = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
    totals.passed += summary.numPassedTests
    totals.failed += summary.numFailedTests
    totals.skipped += summary.numPendingTests + summary.numTodoTests
  } catch {
    // No report means vitest failed before running tests; its exit status says so below.
  }
  if (result.status !== 0) finish(`${title} failed`)
}

function finish(failure?: string): never {
  rmSync(reports, { recursive: true, force: true })
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  if (failure) console.error(`npm test: ${failure}`)
  process.exit(failure ? 1 : 0)
}

run('Type checks', 'npm', ['run', '--silent', 'typecheck'])
vitest('Unit, component and API tests (PGlite and PostgreSQL)', ['unit', 'web', 'api-pglite', 'api-postgres'])
console.log('\n━━ Production build ━━')
buildIfNeeded()
ensureChromium()
vitest('Build checks and end-to-end tests (Chromium)', ['build', 'e2e'])
finish()
