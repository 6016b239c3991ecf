// Figure: the JavaScript a phone downloads before the first screen renders (gzip), per file.
// Run: npm run build && node bench/initial-js.ts
import { join } from 'node:path'
import { INITIAL_JS_BUDGET_BYTES, formatKB, initialJsGzipBytes } from '../scripts/initial-js.ts'

const { files, total } = initialJsGzipBytes(join(import.meta.dirname, '..', 'dist'))
for (const { file, bytes } of files) console.log(`${formatKB(bytes).padStart(9)}  ${file}`)
console.log(`${formatKB(total).padStart(9)}  total (budget ${formatKB(INITIAL_JS_BUDGET_BYTES)}, ${((100 * total) / INITIAL_JS_BUDGET_BYTES).toFixed(0)} % used)`)
