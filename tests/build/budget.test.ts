import { expect, test } from 'vitest'
import { INITIAL_JS_BUDGET_BYTES, formatKB, initialJsGzipBytes } from '../../scripts/initial-js.ts'
import { dist } from './support.ts'

test(`the JS loaded before the first screen stays within ${formatKB(INITIAL_JS_BUDGET_BYTES)} gzip`, () => {
  const { files, total } = initialJsGzipBytes(dist)
  expect(files.length).toBeGreaterThan(0)
  console.log(`initial JS: ${formatKB(total)} gzip in ${files.length} files`)
  expect(total).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES)
})
