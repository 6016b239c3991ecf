import fp from 'fastify-plugin'

/**
 * Once the server starts closing, every answer still being sent carries `Connection: close`,
 * so clients holding keep-alive connections let go at once and shutdown does not wait for
 * their idle timeouts (browsers keep sockets open for minutes).
 */
export default fp(
  async (fastify) => {
    let closing = false
    fastify.addHook('preClose', async () => {
      closing = true
    })
    fastify.addHook('onSend', async (_request, reply) => {
      if (closing) reply.header('connection', 'close')
    })
  },
  { name: 'graceful-close' },
)
