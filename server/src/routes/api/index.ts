import type { FastifyPluginAsync } from 'fastify'
import health from './health.ts'
import v1 from './v1/index.ts'

const api: FastifyPluginAsync = async (fastify) => {
  await fastify.register(health)
  await fastify.register(v1, { prefix: '/v1' })
}

export default api
