import fp from 'fastify-plugin'
import type { FileStorage } from '../files/file-storage.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Where stored files' bytes live (DATA_DIR/files by default); stored_files says which are ours. */
    files: FileStorage
  }
}

export default fp<{ storage: FileStorage }>(
  async (fastify, { storage }) => {
    fastify.decorate('files', storage)
  },
  { name: 'files' },
)
