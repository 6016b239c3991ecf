import type { FastifyInstance, FastifyReply } from 'fastify'
import { notFound } from '../http-errors.ts'
import type { SignedInStaff } from '../plugins/auth.ts'
import type { ComplaintPhotoRecord, ComplaintViewer } from '../repositories/complaints-repository.ts'

/** The staff member as the complaint visibility rule needs them. */
export function complaintViewer(staff: SignedInStaff): ComplaintViewer {
  return { staffId: staff.id, displayName: staff.displayName, role: staff.role, hallIds: staff.hallIds, departmentIds: staff.departmentIds }
}

/** Sends a complaint photo's bytes: never cached by shared caches or kept by the browser. */
export async function sendComplaintPhoto(fastify: FastifyInstance, reply: FastifyReply, photo: ComplaintPhotoRecord): Promise<FastifyReply> {
  const opened = await fastify.files.open(photo.sha256)
  if (!opened) throw notFound('未找到该照片')
  return reply
    .header('content-type', photo.mediaType)
    .header('content-length', String(opened.bytes))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', 'inline')
    .send(opened.stream)
}
