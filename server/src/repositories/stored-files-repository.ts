import type { Kysely } from 'kysely'
import type { FileRef } from '../../../contract/guides.ts'
import type { Database } from '../db/schema.ts'

export interface StoredFileRow {
  sha256: string
  mediaType: string
  bytes: number
}

export function storedFilesRepository(db: Kysely<Database>) {
  return {
    /** Records a stored file under its name; recording it again (or under another name) is harmless. */
    async record(ref: FileRef): Promise<void> {
      await db
        .insertInto('stored_files')
        .values({ sha256: ref.sha256, file_name: ref.fileName, media_type: ref.mediaType, bytes: ref.bytes })
        .onConflict((conflict) => conflict.column('sha256').doNothing())
        .execute()
      await db
        .insertInto('stored_file_names')
        .values({ sha256: ref.sha256, file_name: ref.fileName })
        .onConflict((conflict) => conflict.columns(['sha256', 'file_name']).doNothing())
        .execute()
    },

    /** The file stored under `sha256` when it is referenced by `fileName`, else undefined. */
    async findByName(sha256: string, fileName: string): Promise<StoredFileRow | undefined> {
      const row = await db
        .selectFrom('stored_files')
        .innerJoin('stored_file_names', 'stored_file_names.sha256', 'stored_files.sha256')
        .select(['stored_files.sha256', 'stored_files.media_type', 'stored_files.bytes'])
        .where('stored_files.sha256', '=', sha256)
        .where('stored_file_names.file_name', '=', fileName)
        .executeTakeFirst()
      return row && { sha256: row.sha256, mediaType: row.media_type, bytes: Number(row.bytes) }
    },
  }
}
