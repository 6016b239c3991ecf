import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Upload, UPLOAD_MEDIA_TYPES, UploadHeaders, type UploadMediaType } from '../../../../../../contract/applications.ts'
import { uploadFileName } from '../../../../applications/upload-file-name.ts'
import { sniffMediaType } from '../../../../files/media-types.ts'
import { ApiError } from '../../../../http-errors.ts'
import { signedInCitizen } from '../../../../plugins/auth.ts'
import { uploadsRepository } from '../../../../repositories/uploads-repository.ts'
import { commonErrors, errorResponses } from '../../../error-responses.ts'

const HOUR_MS = 3_600_000
const MB = 1024 * 1024

const isUploadType = (mediaType: string): mediaType is UploadMediaType => (UPLOAD_MEDIA_TYPES as readonly string[]).includes(mediaType)

/**
 * Material uploads (一表申请): the raw bytes of one file per request (contract/applications.ts
 * describes the protocol). The type is read from the bytes, never trusted from the name or the
 * Content-Type; the bytes go to the content-addressed file storage, the row says whose they are.
 */
const uploads: FastifyPluginAsyncTypebox = async (fastify) => {
  const maxBytes = fastify.config.UPLOAD_MAX_BYTES
  // Any Content-Type is read as bytes, since the type is sniffed from them anyway (browsers send
  // application/octet-stream or nothing for some files); only in this plugin's scope: everywhere
  // else the API still takes JSON only. A JSON body still parses as JSON and is refused below.
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) => done(null, body))

  fastify.post(
    '',
    {
      bodyLimit: maxBytes,
      schema: {
        operationId: 'uploadMaterial',
        tags: ['applications'],
        summary: 'Upload one file of a material (raw bytes; JPEG, PNG, WEBP or PDF)',
        description:
          'Body: the file itself, Content-Type image/jpeg, image/png, image/webp, application/pdf (or application/octet-stream); X-File-Name: the name, percent-encoded UTF-8; X-CSRF-Token. ' +
          'The type is sniffed from the content: content that is none of these answers 415 UPLOAD_TYPE_REFUSED; content of another of these types is stored as what it is. ' +
          `Images up to 5 MB, PDFs up to 10 MB, no body above UPLOAD_MAX_BYTES: 413. Unattached uploads expire (UPLOAD_RETENTION_HOURS).`,
        security: [{ citizenSession: [] }],
        headers: UploadHeaders,
        response: { 201: Upload, ...errorResponses(...commonErrors, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const citizen = signedInCitizen(request)
      const bytes = request.body
      if (!Buffer.isBuffer(bytes)) {
        throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', '请直接上传文件内容（Content-Type 为 image/jpeg、image/png、image/webp 或 application/pdf）')
      }
      if (bytes.byteLength === 0) throw new ApiError(400, 'EMPTY_BODY', '文件为空，请重新选择')
      const sniffed = sniffMediaType(bytes)
      if (!sniffed || !isUploadType(sniffed.mediaType)) {
        throw new ApiError(415, 'UPLOAD_TYPE_REFUSED', '只能上传 JPG、PNG、WEBP 格式的图片或 PDF 文件，请重新选择')
      }
      if (bytes.byteLength > sniffed.maxBytes) {
        throw new ApiError(413, 'UPLOAD_TOO_LARGE', `文件过大：${sniffed.mediaType === 'application/pdf' ? 'PDF' : '图片'}不能超过 ${Math.floor(sniffed.maxBytes / MB)} MB`)
      }
      const fileName = uploadFileName(request.headers['x-file-name'], sniffed.extensions[0]!)
      if (fileName === null) throw new ApiError(400, 'FILE_NAME_INVALID', '文件名无效，请重命名后重新上传')

      const stored = await fastify.files.put(bytes, { fileName: `upload${sniffed.extensions[0]}`, mediaType: sniffed.mediaType })
      const now = new Date()
      const repository = uploadsRepository(fastify.db)
      const upload = await repository.insert({
        citizenId: citizen.id,
        sha256: stored.sha256,
        fileName,
        mediaType: sniffed.mediaType,
        bytes: stored.bytes,
        createdAt: now,
        expiresAt: new Date(now.getTime() + fastify.config.UPLOAD_RETENTION_HOURS * HOUR_MS),
      })
      await repository.deleteExpired(now)
      request.log.info({ uploadId: upload.uploadId, mediaType: upload.mediaType, bytes: upload.bytes }, 'material uploaded')
      return reply.code(201).header('cache-control', 'private, no-store').send(upload)
    },
  )
}

export default uploads
