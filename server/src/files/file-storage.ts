import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import type { FileRef } from '../../../contract/guides.ts'
import { mediaTypeOfFileName, storedMediaType, sniffMediaType } from './media-types.ts'

/** What a file is called and what it claims to be, given with its bytes. */
export interface FileMeta {
  fileName: string
  mediaType: string
}

export interface OpenedFile {
  stream: Readable
  bytes: number
}

/**
 * Where files live (blank and sample forms, result samples; later uploads), addressed by the
 * sha256 of their content, so identical files are stored once and a stored file never changes.
 * The database records which files it references (stored_files); this holds the bytes.
 */
export interface FileStorage {
  /** Checks and stores a file; answers its FileRef. Throws FileRejectedError for a bad file. */
  put(bytes: Uint8Array, meta: FileMeta): Promise<FileRef>
  /** The content of a stored file, or null when there is none under that hash. */
  open(sha256: string): Promise<OpenedFile | null>
  has(sha256: string): Promise<boolean>
  /** Every stored file's hash with when its bytes were last written (see put), for the sweep. */
  list(): AsyncIterable<{ sha256: string; writtenAt: Date }>
  /** Removes a file's bytes; nothing happens when there are none. */
  delete(sha256: string): Promise<void>
}

/** A file refused by the type, size or name checks; the message is Chinese, for the importer's report. */
export class FileRejectedError extends Error {
  override name = 'FileRejectedError'
}

const sha256Pattern = /^[0-9a-f]{64}$/

/** Where a stored file is downloaded: its hash and its name, so a saved download keeps the name. */
export function fileUrl(sha256: string, fileName: string): string {
  return `/api/v1/files/${sha256}/${encodeURIComponent(fileName)}`
}

/**
 * The FileRef of `bytes` after every check a stored file must pass: a plain file name, a type we
 * store, a name and content that agree with that type, and the type's size limit. Deterministic,
 * so re-importing an identical file gives an identical FileRef (and guide content hash).
 */
export function describeFile(bytes: Uint8Array, { fileName, mediaType }: FileMeta): FileRef {
  if (fileName.trim() !== fileName || fileName.length === 0 || fileName.length > 200 || /[/\\\u0000-\u001f]/.test(fileName)) {
    throw new FileRejectedError(`文件名“${fileName}”无效（不能为空、含路径或控制字符，最长 200 字）`)
  }
  const type = storedMediaType(mediaType)
  if (!type) throw new FileRejectedError(`不接受 ${mediaType} 类型的文件（只接受 PDF、DOCX、XLSX、PNG、JPEG、WEBP）`)
  if (mediaTypeOfFileName(fileName)?.mediaType !== type.mediaType) {
    throw new FileRejectedError(`文件名“${fileName}”的扩展名与类型 ${mediaType} 不符（应为 ${type.extensions.join(' 或 ')}）`)
  }
  if (bytes.byteLength === 0) throw new FileRejectedError(`文件“${fileName}”为空`)
  if (bytes.byteLength > type.maxBytes) {
    throw new FileRejectedError(`文件“${fileName}”过大：${bytes.byteLength} 字节，此类型最大 ${type.maxBytes} 字节`)
  }
  if (!type.matches(bytes)) {
    const actual = sniffMediaType(bytes)
    throw new FileRejectedError(`文件“${fileName}”的内容不是 ${type.extensions.join('/')} 文件${actual ? `（实际为 ${actual.extensions[0]}）` : ''}`)
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return { sha256, fileName, mediaType: type.mediaType, bytes: bytes.byteLength, url: fileUrl(sha256, fileName) }
}

/**
 * The default storage: a directory on disk, `<root>/<first two hex digits>/<sha256>`. Writes go
 * to a temporary file in the same directory and are renamed into place, so a reader never sees
 * half a file and a crash leaves at most a stray `.tmp-*` file.
 */
export class DiskFileStorage implements FileStorage {
  readonly root: string

  constructor(root: string) {
    this.root = root
  }

  private pathOf(sha256: string): string {
    if (!sha256Pattern.test(sha256)) throw new Error(`Not a sha256: ${sha256}`)
    return join(this.root, sha256.slice(0, 2), sha256)
  }

  async put(bytes: Uint8Array, meta: FileMeta): Promise<FileRef> {
    const ref = describeFile(bytes, meta)
    if (await this.has(ref.sha256)) {
      // Written again as far as the sweep is concerned: the row about to refer to it is not there yet.
      const now = new Date()
      await utimes(this.pathOf(ref.sha256), now, now)
      return ref
    }
    const target = this.pathOf(ref.sha256)
    const dir = join(this.root, ref.sha256.slice(0, 2))
    await mkdir(dir, { recursive: true })
    const temporary = join(dir, `.tmp-${ref.sha256}-${randomBytes(6).toString('hex')}`)
    try {
      const handle = await open(temporary, 'wx')
      try {
        await handle.writeFile(bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
      // Two writers of the same content rename identical bytes over each other: harmless.
      await rename(temporary, target)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
    return ref
  }

  async open(sha256: string): Promise<OpenedFile | null> {
    if (!sha256Pattern.test(sha256)) return null
    const path = this.pathOf(sha256)
    try {
      const { size } = await stat(path)
      return { stream: createReadStream(path), bytes: size }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  async has(sha256: string): Promise<boolean> {
    if (!sha256Pattern.test(sha256)) return false
    try {
      return (await stat(this.pathOf(sha256))).isFile()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
      throw error
    }
  }

  async *list(): AsyncIterable<{ sha256: string; writtenAt: Date }> {
    let prefixes: string[]
    try {
      prefixes = await readdir(this.root)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    for (const prefix of prefixes.filter((name) => /^[0-9a-f]{2}$/.test(name)).sort()) {
      for (const name of (await readdir(join(this.root, prefix))).sort()) {
        // Half-written files (.tmp-…) are not files yet.
        if (!sha256Pattern.test(name) || !name.startsWith(prefix)) continue
        try {
          yield { sha256: name, writtenAt: (await stat(join(this.root, prefix, name))).mtime }
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        }
      }
    }
  }

  async delete(sha256: string): Promise<void> {
    if (!sha256Pattern.test(sha256)) return
    await rm(this.pathOf(sha256), { force: true })
  }
}

/** The storage the configuration asks for: files under DATA_DIR/files (also with DATABASE_URL). */
export function fileStorageFor(config: { DATA_DIR: string }): FileStorage {
  return new DiskFileStorage(join(config.DATA_DIR, 'files'))
}
