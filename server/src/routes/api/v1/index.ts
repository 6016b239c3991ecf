import type { FastifyPluginAsync } from 'fastify'
import applications from './applications/index.ts'
import appointments from './appointments/index.ts'
import myBookings from './bookings/my-bookings.ts'
import staffBookings from './bookings/staff-bookings.ts'
import myHomeServiceRequests from './home-service-requests/my-home-service-requests.ts'
import staffHomeServiceRequests from './home-service-requests/staff-home-service-requests.ts'
import auth from './auth/index.ts'
import myCases from './cases/my-cases.ts'
import staffCases from './cases/staff-cases.ts'
import caseLookups from './case-lookups/index.ts'
import catalogue from './catalogue/index.ts'
import complaints from './complaints/index.ts'
import complaintChannels from './complaints/complaint-channels.ts'
import complaintLookups from './complaints/complaint-lookups.ts'
import complaintPhotos from './complaints/complaint-photos.ts'
import myComplaints from './complaints/my-complaints.ts'
import staffComplaints from './complaints/staff-complaints.ts'
import followUps from './follow-ups/index.ts'
import files from './files/index.ts'
import halls from './halls/index.ts'
import inaccuracyReports from './inaccuracy-reports/index.ts'
import items from './items/index.ts'
import me from './me/index.ts'
import notifications from './notifications/index.ts'
import ratings from './ratings/index.ts'
import staff from './staff/index.ts'
import uploads from './uploads/index.ts'

/**
 * Version 1 of the public API. Every operation declares operationId, tags, params, query,
 * headers, body and every response (errors as ErrorBody) from contract/ schemas.
 *
 * Access convention: an operation needing a signed-in citizen declares
 * `security: [{ citizenSession: [] }]`; one needing staff declares
 * `security: [{ staffSession: ['clerk' | 'supervisor' | 'admin', …] }]` (an empty list: any staff).
 * plugins/auth.ts enforces it (and documents request.citizen / request.staff and CSRF), and the generated access suite (tests/api/generated) calls every
 * operation with a non-empty `security` anonymously and expects 401/403.
 * Writes take an `Idempotency-Key` header and go through `fastify.idempotentWrite`.
 */
const v1: FastifyPluginAsync = async (fastify) => {
  await fastify.register(halls, { prefix: '/halls' })
  await fastify.register(inaccuracyReports, { prefix: '/inaccuracy-reports' })
  await fastify.register(items, { prefix: '/items' })
  await fastify.register(catalogue, { prefix: '/catalogue' })
  await fastify.register(files, { prefix: '/files' })
  await fastify.register(auth, { prefix: '/auth' })
  await fastify.register(me, { prefix: '/me' })
  await fastify.register(notifications)
  await fastify.register(staff, { prefix: '/staff' })
  await fastify.register(uploads, { prefix: '/uploads' })
  await fastify.register(applications, { prefix: '/applications' })
  await fastify.register(myCases, { prefix: '/me/cases' })
  await fastify.register(staffCases, { prefix: '/staff/cases' })
  await fastify.register(ratings, { prefix: '/me' })
  await fastify.register(followUps, { prefix: '/staff/follow-ups' })
  await fastify.register(caseLookups, { prefix: '/case-lookups' })
  await fastify.register(appointments, { prefix: '/halls' })
  await fastify.register(myBookings, { prefix: '/me/bookings' })
  await fastify.register(staffBookings, { prefix: '/staff' })
  await fastify.register(myHomeServiceRequests, { prefix: '/me/home-service-requests' })
  await fastify.register(staffHomeServiceRequests, { prefix: '/staff' })
  await fastify.register(complaints, { prefix: '/complaints' })
  await fastify.register(complaintPhotos, { prefix: '/complaint-photos' })
  await fastify.register(complaintLookups, { prefix: '/complaint-lookups' })
  await fastify.register(complaintChannels, { prefix: '/complaint-channels' })
  await fastify.register(myComplaints, { prefix: '/me/complaints' })
  await fastify.register(staffComplaints, { prefix: '/staff/complaints' })
}

export default v1
