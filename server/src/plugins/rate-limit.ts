import rateLimit from '@fastify/rate-limit'
import fp from 'fastify-plugin'
import { ApiError } from '../http-errors.ts'

/**
 * A global per-IP limit per minute. Counters are in process memory: enough for one process;
 * when the API is scaled out they move to the database (ARCHITECTURE.md: stateless processes).
 */
export default fp<{ max: number }>(
  async (fastify, { max }) => {
    await fastify.register(rateLimit, {
      global: true,
      max,
      timeWindow: '1 minute',
      errorResponseBuilder: (_request, context) =>
        new ApiError(429, 'RATE_LIMITED', `请求过于频繁，请在 ${Math.ceil(context.ttl / 1000)} 秒后再试`),
    })
  },
  { name: 'rate-limit' },
)
