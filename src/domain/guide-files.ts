import type { FileRef, ServiceItem } from '../../contract/guides.ts'

/** Every file a guide offers (blank and sample forms, editable copies, material and result samples), each once. */
export function guideFiles(item: ServiceItem): FileRef[] {
  const files = new Map<string, FileRef>()
  const add = (file: FileRef | null | undefined) => {
    if (file) files.set(file.url, file)
  }
  for (const material of item.guide.materials ?? []) {
    add(material.blankForm)
    add(material.sampleForm)
    add(material.sample)
    for (const editable of material.editableForms ?? []) add(editable)
  }
  for (const result of item.guide.results ?? []) add(result.sample)
  return [...files.values()]
}
