import { expect, test } from 'vitest'
import type { FileRef, ServiceItem } from '../../../contract/guides.ts'
import { guideFiles } from '../../../src/domain/guide-files.ts'

const file = (name: string): FileRef => ({ sha256: name.padEnd(64, '0'), fileName: `${name}.pdf`, mediaType: 'application/pdf', bytes: 1000, url: `/api/v1/files/${name}` })

test('lists every file a guide offers once: forms, editable copies, material and result samples', () => {
  const shared = file('a')
  const item = {
    guide: {
      materials: [
        { blankForm: shared, sampleForm: file('b'), sample: null, editableForms: [file('c')] },
        { blankForm: shared, sampleForm: null, sample: file('d') },
      ],
      results: [{ name: '营业执照', sample: file('e') }, { name: '回执', sample: null }],
    },
  } as unknown as ServiceItem
  expect(guideFiles(item).map((found) => found.fileName)).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'e.pdf'])
})

test('a guide whose source gives no materials or results offers no files', () => {
  expect(guideFiles({ guide: { materials: null, results: null } } as unknown as ServiceItem)).toEqual([])
})
