import { readFile } from 'node:fs/promises'
import { basename, isAbsolute, resolve } from 'node:path'
import type { Transaction } from 'kysely'
import type { TSchema } from 'typebox'
import { FileRef, GuideContent } from '../../../contract/guides.ts'
import type { Database } from '../db/schema.ts'
import { describeFile, fileUrl, FileRejectedError, type FileStorage } from '../files/file-storage.ts'
import { mediaTypeOfFileName } from '../files/media-types.ts'
import { storedFilesRepository } from '../repositories/stored-files-repository.ts'
import type { ImportIssue } from './import-format.ts'

// Files named by an import file (docs/guides-import.md, "Attachments"): wherever the guide takes a
// FileRef, the source may give `{ "path": "forms/x.pdf" }` (relative to the import file) or
// `{ "path": …, "fileName": "…" }`. They are read and checked before anything is written, and
// stored only once the guide is accepted, so a rejected guide leaves no file and no row behind.

/** Where attachments are read from and stored to; without it, attachments are refused. */
export interface AttachmentSource {
  /** The import file's directory: attachment paths are relative to it. */
  baseDir: string
  storage: FileStorage
}

/** A checked file, waiting for its guide to be accepted. */
export interface PendingFile {
  ref: FileRef
  /** The bytes to store; undefined for a FileRef the source gave in full (already stored). */
  bytes: Uint8Array | undefined
}

export interface ResolvedAttachments {
  /** The entry with every attachment replaced by its FileRef. */
  entry: unknown
  files: PendingFile[]
  errors: ImportIssue[]
}

type Schema = TSchema & Record<string, unknown>

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)
const pointerPart = (key: string | number) => String(key).replaceAll('~', '~0').replaceAll('/', '~1')
const fileRefKeys = Object.keys(FileRef.properties).sort().join()

/** Whether a schema is FileRef's (found by its properties, as TypeBox may copy schemas it composes). */
function isFileRefSchema(schema: Schema): boolean {
  return schema.type === 'object' && isRecord(schema.properties) && Object.keys(schema.properties).sort().join() === fileRefKeys
}

interface Found {
  pointer: string
  value: Record<string, unknown>
}

/** Every non-null value at a FileRef position of the guide, with its pointer into the entry. */
function findFileRefs(schema: Schema, value: unknown, pointer: string, found: Found[]): void {
  if (value === null || value === undefined) return
  if (Array.isArray(schema.anyOf)) {
    for (const branch of schema.anyOf as Schema[]) if (branch.type !== 'null') findFileRefs(branch, value, pointer, found)
    return
  }
  if (isFileRefSchema(schema)) {
    if (isRecord(value)) found.push({ pointer, value })
    return
  }
  if (schema.type === 'object' && isRecord(schema.properties) && isRecord(value)) {
    for (const [name, propertySchema] of Object.entries(schema.properties as Record<string, Schema>)) {
      findFileRefs(propertySchema, value[name], `${pointer}/${pointerPart(name)}`, found)
    }
    return
  }
  if (schema.type === 'array' && Array.isArray(value)) {
    value.forEach((item, index) => findFileRefs(schema.items as Schema, item, `${pointer}/${index}`, found))
  }
}

function setAt(root: Record<string, unknown>, pointer: string, value: unknown): void {
  const parts = pointer.split('/').slice(1).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
  let target: unknown = root
  for (const part of parts.slice(0, -1)) target = (target as Record<string, unknown>)[part]
  ;(target as Record<string, unknown>)[parts.at(-1)!] = value
}

async function readAttachment(spec: Record<string, unknown>, pointer: string, source: AttachmentSource | undefined): Promise<PendingFile | ImportIssue> {
  const unknownKeys = Object.keys(spec).filter((key) => key !== 'path' && key !== 'fileName')
  if (unknownKeys.length > 0) return { path: pointer, message: `附件只能有 path 和 fileName 字段，多出：${unknownKeys.join('、')}` }
  const { path, fileName = typeof spec.path === 'string' ? basename(spec.path) : '' } = spec
  if (typeof path !== 'string' || path.length === 0 || isAbsolute(path)) return { path: `${pointer}/path`, message: '附件路径应为相对于导入文件所在目录的路径' }
  if (typeof fileName !== 'string') return { path: `${pointer}/fileName`, message: '类型错误：fileName 应为文本' }
  if (!source) return { path: pointer, message: '此处导入不支持附件文件（请用 npm run import:guides 从文件导入）' }
  const type = mediaTypeOfFileName(fileName)
  if (!type) return { path: pointer, message: `附件“${fileName}”的类型不受支持（只接受 .pdf、.docx、.xlsx、.png、.jpg）` }
  let bytes: Uint8Array
  try {
    bytes = await readFile(resolve(source.baseDir, path))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { path: `${pointer}/path`, message: code === 'ENOENT' ? `找不到附件文件“${path}”` : `无法读取附件文件“${path}”（${code ?? 'error'}）` }
  }
  try {
    return { ref: describeFile(bytes, { fileName, mediaType: type.mediaType }), bytes }
  } catch (error) {
    if (error instanceof FileRejectedError) return { path: pointer, message: error.message }
    throw error
  }
}

/**
 * Reads and checks every attachment of a guide entry and answers the entry with FileRefs in their
 * place. A full FileRef given by the source must name a file already stored (stored_files).
 */
export async function resolveAttachments(trx: Transaction<Database>, entry: unknown, source: AttachmentSource | undefined): Promise<ResolvedAttachments> {
  if (!isRecord(entry) || !isRecord(entry.guide)) return { entry, files: [], errors: [] }
  const found: Found[] = []
  findFileRefs(GuideContent as unknown as Schema, entry.guide, '/guide', found)
  if (found.length === 0) return { entry, files: [], errors: [] }

  const resolved = structuredClone(entry)
  const files: PendingFile[] = []
  const errors: ImportIssue[] = []
  for (const { pointer, value } of found) {
    if ('path' in value) {
      const result = await readAttachment(value, pointer, source)
      if ('ref' in result) {
        files.push(result)
        setAt(resolved, pointer, result.ref)
      } else {
        errors.push(result)
        // Reported once, here: the guide is rejected anyway, without a second type error for it.
        setAt(resolved, pointer, null)
      }
      continue
    }
    // A FileRef in full: right only if it names a stored file; its url is always ours.
    if (typeof value.sha256 !== 'string' || typeof value.fileName !== 'string') continue
    const known = await trx.selectFrom('stored_files').select(['media_type', 'bytes']).where('sha256', '=', value.sha256).executeTakeFirst()
    if (!known) {
      errors.push({ path: `${pointer}/sha256`, message: `文件 ${value.sha256.slice(0, 12)}… 未存储在本系统（请以 {"path": …} 附上文件）` })
      setAt(resolved, pointer, null)
      continue
    }
    const ref: FileRef = { sha256: value.sha256, fileName: value.fileName, mediaType: known.media_type, bytes: Number(known.bytes), url: fileUrl(value.sha256, value.fileName) }
    files.push({ ref, bytes: undefined })
    setAt(resolved, pointer, ref)
  }
  return { entry: resolved, files, errors }
}

/** Stores the checked files of an accepted guide and records them in the caller's transaction. */
export async function storePendingFiles(trx: Transaction<Database>, files: PendingFile[], storage: FileStorage | undefined): Promise<void> {
  const repository = storedFilesRepository(trx)
  for (const file of files) {
    if (file.bytes) {
      if (!storage) throw new Error('Attachments were read without a file storage')
      await storage.put(file.bytes, { fileName: file.ref.fileName, mediaType: file.ref.mediaType })
    }
    await repository.record(file.ref)
  }
}
