import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { COMPLAINT_LIMITS, COMPLAINT_PHOTO_MAX_BYTES, COMPLAINT_PHOTO_MEDIA_TYPES, ComplaintPhotoUpload } from '../../../../../../contract/complaints.ts'
import { countAddressTry, withRetryAfter } from '../../../../complaints/complaint-limits.ts'
import { refuseCitizenCookieWithoutCsrf } from '../../../../complaints/complaint-sessions.ts'
import { sniffMediaType } from '../../../../files/media-types.ts'
import { ApiError } from '../../../../http-errors.ts'
import { complaintPhotosRepository } from '../../../../repositories/complaint-photos-repository.ts'
import { commonErrors, errorResponses } from '../../../error-responses.ts'

const HOUR_MS = 3_600_000

const isPhotoType = (mediaType: string) => (COMPLAINT_PHOTO_MEDIA_TYPES as readonly string[]).includes(mediaType)

/**
 * Photos for complaints: open to senders without a session, since anonymous complaints may carry
 * photos (material uploads need a session). Images only; the type is read from the bytes.
 */
const complaintPhotos: FastifyPluginAsyncTypebox = async (fastify) => {
  // Raw bytes of any declared type, in this plugin's scope only; the type is sniffed below.
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: COMPLAINT_PHOTO_MAX_BYTES }, (_request, body, done) => done(null, body))

  fastify.post(
    '',
    {
      bodyLimit: COMPLAINT_PHOTO_MAX_BYTES,
      schema: {
        operationId: 'uploadComplaintPhoto',
        tags: ['complaints'],
        summary: 'Upload one photo for a complaint (raw bytes: JPEG, PNG or WEBP, up to 5 MB); sign-in optional',
        description:
          'Body: the image itself (Content-Type image/jpeg, image/png, image/webp or application/octet-stream). With a citizen session: X-CSRF-Token (else 403). ' +
          'The type is sniffed from the content: anything else answers 415 UPLOAD_TYPE_REFUSED; above 5 MB 413. ' +
          'The photo belongs to the signed-in citizen, or without a session to whoever holds its id. Unattached photos expire (UPLOAD_RETENTION_HOURS). ' +
          '429 COMPLAINT_RATE_LIMITED (Retry-After): 40 photos per client address per hour.',
        response: { 201: ComplaintPhotoUpload, ...errorResponses(...commonErrors, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      refuseCitizenCookieWithoutCsrf(request)
      const bytes = request.body
      if (!Buffer.isBuffer(bytes)) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', '请直接上传图片内容（JPG、PNG 或 WEBP）')
      if (bytes.byteLength === 0) throw new ApiError(400, 'EMPTY_BODY', '图片为空，请重新选择')
      const sniffed = sniffMediaType(bytes)
      if (!sniffed || !isPhotoType(sniffed.mediaType)) throw new ApiError(415, 'UPLOAD_TYPE_REFUSED', '只能上传 JPG、PNG、WEBP 格式的照片')
      const now = new Date()
      const expiresAt = new Date(now.getTime() + fastify.config.UPLOAD_RETENTION_HOURS * HOUR_MS)
      const photo = await withRetryAfter(reply, () =>
        fastify.db.transaction().execute(async (trx) => {
          await countAddressTry(trx, {
            purpose: 'photo',
            clientAddress: request.ip,
            limit: COMPLAINT_LIMITS.photosPerAddress,
            windowMinutes: COMPLAINT_LIMITS.photosWindowMinutes,
            now,
          })
          const stored = await fastify.files.put(bytes, { fileName: `complaint-photo${sniffed.extensions[0]}`, mediaType: sniffed.mediaType })
          const photos = complaintPhotosRepository(trx)
          await photos.deleteExpired(now)
          return photos.insert({ citizenId: request.citizen?.id ?? null, sha256: stored.sha256, mediaType: sniffed.mediaType, bytes: stored.bytes, createdAt: now, expiresAt })
        }),
      )
      return reply
        .code(201)
        .header('cache-control', 'private, no-store')
        .send({ photoId: photo.photoId, mediaType: sniffed.mediaType, bytes: bytes.byteLength, expiresAt: expiresAt.toISOString() })
    },
  )
}

export default complaintPhotos
