import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { FileParams, FileQuery } from '../../../../../../contract/guides.ts'
import { isPreviewable, storedMediaTypes } from '../../../../files/media-types.ts'
import { matchesETag } from '../../../../http-caching.ts'
import { notFound } from '../../../../http-errors.ts'
import { storedFilesRepository } from '../../../../repositories/stored-files-repository.ts'
import { commonErrors, errorResponses } from '../../../error-responses.ts'

/** RFC 8187 encoding for `filename*`: encodeURIComponent leaves ' ( ) * unescaped, which the RFC does not allow. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** `attachment` or `inline`, with an ASCII fallback name for old clients and the real name in UTF-8. */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(fileName)}`
}

const binary = Type.Unsafe<unknown>({ type: 'string', format: 'binary' })

const files: FastifyPluginAsyncTypebox = async (fastify) => {
  const repository = storedFilesRepository(fastify.db)

  fastify.get(
    '/:sha256/:fileName',
    {
      // 下载全部指南 fetches every guide's forms in a few minutes; immutable files served from
      // disk get their own, larger allowance rather than eating into the API's.
      config: { rateLimit: { max: fastify.config.RATE_LIMIT_MAX * 4, timeWindow: '1 minute' } },
      schema: {
        operationId: 'getFile',
        tags: ['files'],
        summary: 'A stored file (blank form, sample form, result sample), by content hash and name',
        description:
          'The URL of a FileRef. Content never changes under a hash, so the answer is cacheable for a year ' +
          '(`immutable`) with the hash as ETag; If-None-Match gets 304. `Content-Disposition: attachment` ' +
          'with the name in UTF-8, or `inline` with `?inline=1` (PDFs and pictures may then be framed by the app ' +
          'for an in-page preview). A name that is not one the file is referenced by answers 404.',
        params: FileParams,
        querystring: FileQuery,
        headers: Type.Object({ 'if-none-match': Type.Optional(Type.String({ maxLength: 1000 })) }),
        response: {
          200: {
            description: 'The file.',
            content: Object.fromEntries(storedMediaTypes.map((type) => [type.mediaType, { schema: binary }])),
          },
          304: Type.Null({ description: 'The copy the client holds (If-None-Match) is this file.' }),
          ...errorResponses(...commonErrors, 404),
        },
      },
    },
    async (request, reply) => {
      const { sha256, fileName } = request.params
      const stored = await repository.findByName(sha256, fileName)
      if (!stored) throw notFound('未找到该文件')
      const etag = `"${sha256}"`
      reply
        .header('etag', etag)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
      if (matchesETag(request.headers['if-none-match'], etag)) return reply.code(304).send(null)
      const opened = await fastify.files.open(sha256)
      if (!opened) {
        // The database knows the file but the storage lost it: DATA_DIR not on persistent storage?
        request.log.error({ sha256 }, 'Stored file missing from the file storage')
        throw notFound('未找到该文件')
      }
      const inline = request.query.inline === '1' && isPreviewable(stored.mediaType)
      if (inline) {
        // The app previews PDFs and pictures in a frame of its own pages; nothing else may frame them.
        reply.header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'")
        reply.header('x-frame-options', 'SAMEORIGIN')
      }
      return reply
        .type(stored.mediaType)
        .header('content-length', opened.bytes)
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', fileName))
        .send(opened.stream)
    },
  )
}

export default files
