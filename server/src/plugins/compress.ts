import { constants } from 'node:zlib'
import compress from '@fastify/compress'
import fp from 'fastify-plugin'

/**
 * gzip or brotli for answers the client accepts them for: the catalogue index (2,000 entries)
 * must stay near 200 KB on the wire for phones on slow 4G. Brotli runs at quality 5, not the
 * default 11, because these answers are compressed per request.
 */
export default fp(
  async (fastify) => {
    await fastify.register(compress, {
      global: true,
      threshold: 1024,
      encodings: ['br', 'gzip'],
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    })
  },
  { name: 'compress' },
)
