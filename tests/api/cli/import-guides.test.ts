import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { fixtureGuidesDir } from '../support/test-app.ts'
import { guideEntry, importFile, material } from '../v1/guide-factories.ts'

const run = promisify(execFile)
const root = join(import.meta.dirname, '..', '..', '..')
let workDir: string

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'kdl-import-'))
})
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

/** Runs `npm run import:guides` against a PGlite database in the temporary directory (the CLI's default engine). */
async function importCli(...files: string[]): Promise<{ code: number; output: string }> {
  const { DATABASE_URL: _notThisOne, ...inherited } = process.env
  const env = { ...inherited, DATA_DIR: join(workDir, 'data'), NODE_ENV: 'test', LOG_LEVEL: 'silent' }
  try {
    const { stdout } = await run(process.execPath, [join(root, 'server/scripts/import-guides.ts'), ...files], { cwd: workDir, env })
    return { code: 0, output: stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, output: failed.stdout + failed.stderr }
  }
}

it('imports files, reports each guide, and exits 0 when everything was published', { timeout: 60_000 }, async () => {
  const { code, output } = await importCli(join(fixtureGuidesDir, 'catalogue.json'), join(fixtureGuidesDir, 'public-security.json'))
  expect(output).toContain('1115020300011500100001 居民身份证首次申领: 已发布 published v1')
  expect(output).toContain('缺少要素 missing elements: 结果样本')
  expect(code).toBe(0)
})

it('reports unchanged, draft with its blocking problems and rejected guides, and exits 1', { timeout: 60_000 }, async () => {
  const file = join(workDir, 'mixed.json')
  writeFileSync(
    file,
    JSON.stringify(
      importFile([
        { ...guideEntry('1115020300011500200001'), guide: undefined },
        guideEntry('CLIDRAFT0001', { materials: [material({ name: '其他有关材料' })] }),
        guideEntry('CLIWRONG0001', { visitsRequired: 'twice' as never }),
      ]),
    ),
  )
  const again = await importCli(join(fixtureGuidesDir, 'public-security.json'))
  expect(again.output).toContain('1115020300011500100001 居民身份证首次申领: 无变化 unchanged v1')
  expect(again.code).toBe(0)

  const { code, output } = await importCli(file)
  expect(output).toContain('CLIDRAFT0001 测试事项0001: 草稿（未发布）draft, not published v1')
  expect(output).toContain('✗ 申请材料“其他有关材料”是模糊性兜底表述，不得发布（第七条（一））')
  expect(output).toContain('CLIWRONG0001 测试事项0001: 已拒绝（未导入）rejected, nothing written')
  expect(output).toContain('✗ /guide/visitsRequired: 类型错误')
  expect(output).toContain('✗ /guide: 缺少必填字段')
  expect(code).toBe(1)
})
