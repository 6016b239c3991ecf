import { afterAll, beforeAll, expect, it } from 'vitest'
import type { CatalogueChanges } from '../../contract/guides.ts'
import { seedDemoData } from '../../server/src/seed/index.ts'
import { buildTestApp, type TestApp } from './support/test-app.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp({ SEED_DEMO: 'false' })
})
afterAll(() => testApp.close())

it('imports the checked-in catalogue (server/seed/guides) with every guide published, once', async () => {
  const result = await seedDemoData(testApp.db, { storage: testApp.storage })
  expect(result.unpublishedGuides.map((guide) => `${guide.code} ${guide.outcome}: ${JSON.stringify(guide.errors.concat(guide.problems.filter((p) => p.severity === 'blocking') as never[]))}`)).toEqual([])
  expect(result).toMatchObject({ halls: true, catalogue: true })
  const { changed, departments } = (await testApp.app.inject('/api/v1/catalogue/changes')).json<CatalogueChanges>()
  expect(changed.length).toBeGreaterThan(0)
  expect(departments.length).toBeGreaterThan(0)
  expect(await seedDemoData(testApp.db, { storage: testApp.storage })).toMatchObject({ halls: false, catalogue: false })
})
