import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError, errorBody } from '../http-errors.ts'
import { validationDetails } from '../validation.ts'

/** Fastify's own client errors, answered in Chinese with a stable code. */
const frameworkErrors: Record<string, { statusCode: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { statusCode: 400, code: 'MALFORMED_JSON', message: '请求内容不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { statusCode: 400, code: 'EMPTY_BODY', message: '请求内容为空' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { statusCode: 400, code: 'BAD_CONTENT_LENGTH', message: '请求内容长度与声明不符' },
  FST_ERR_CTP_BODY_TOO_LARGE: { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    statusCode: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: '不支持的内容类型，请以 application/json 提交',
  },
}

/** Fallback Chinese wording for other client errors, by status. */
const genericMessages: Record<number, string> = {
  400: '请求有误',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '未找到请求的内容',
  405: '不支持此请求方法',
  406: '无法提供所请求的格式',
  409: '请求与当前状态冲突',
  413: '请求内容过大',
  414: '请求地址过长',
  415: '不支持的内容类型',
  422: '请求无法处理',
  429: '请求过于频繁，请稍后再试',
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')
}

/**
 * One error shape (contract ErrorBody) for every 4xx and 5xx, and the 404 handler: deep links
 * of the PWA get index.html, unknown API paths a JSON 404 — rate limited, because otherwise
 * guessing URLs would be free.
 */
export default fp<{ notFoundPerMinute: number }>(
  async (fastify, { notFoundPerMinute }) => {
    fastify.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
      if (error instanceof ApiError) {
        return reply.code(error.statusCode).send(errorBody(error.statusCode, error.code, error.message, error.details))
      }
      if ('validation' in error && error.validation) {
        const details = validationDetails(error.validationContext ?? 'body', error.validation)
        return reply.code(400).send(errorBody(400, 'VALIDATION_FAILED', '提交的信息有误，请按提示修改后重试', details))
      }
      const known = error.code ? frameworkErrors[error.code] : undefined
      if (known) {
        return reply.code(known.statusCode).send(errorBody(known.statusCode, known.code, known.message))
      }
      const statusCode = error.statusCode ?? 500
      if (statusCode >= 400 && statusCode < 500) {
        request.log.info({ err: error }, 'Client error')
        return reply
          .code(statusCode)
          .send(errorBody(statusCode, error.code ?? 'CLIENT_ERROR', genericMessages[statusCode] ?? '请求有误'))
      }
      // Details of server faults stay in the log; the client learns only that it was not its fault.
      request.log.error({ err: error }, 'Unhandled error')
      const status = statusCode >= 500 && statusCode < 600 ? statusCode : 500
      return reply.code(status).send(errorBody(status, 'INTERNAL_ERROR', '服务器内部错误，请稍后再试'))
    })

    const limitNotFound = fastify.rateLimit({ max: notFoundPerMinute, timeWindow: '1 minute' })
    const servesAppShell = (request: FastifyRequest) =>
      fastify.sendAppShell !== null &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !isApiPath(request.url) &&
      !request.url.startsWith('/assets/')

    fastify.setNotFoundHandler(
      {
        preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
          if (!servesAppShell(request)) await limitNotFound.call(fastify, request, reply)
        },
      },
      (request, reply) => {
        if (servesAppShell(request) && fastify.sendAppShell) return fastify.sendAppShell(reply)
        request.log.info({ method: request.method, url: request.url }, 'Resource not found')
        return reply.code(404).send(errorBody(404, 'NOT_FOUND', '未找到请求的地址'))
      },
    )
  },
  { name: 'errors', dependencies: ['rate-limit', 'static-files'] },
)
