import swagger from '@fastify/swagger'
import fp from 'fastify-plugin'

/**
 * The OpenAPI 3.1 document, built from the route schemas and served at /api/openapi.json.
 *
 * Security convention (the generated access suite relies on it): an operation that needs a
 * signed-in citizen declares `security: [{ citizenSession: [] }]`; one that needs staff declares
 * `security: [{ staffSession: ['<role>', …] }]` with the roles allowed. Public operations declare
 * no `security`. Anonymous calls to any operation with a non-empty `security` answer 401/403.
 */
/** The document as checked in at the repository root: stable, pretty, newline-terminated. */
export function formatOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`
}

export default fp(
  async (fastify) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: '昆都仑区政务服务 API',
          description: 'Public API of the Kundulun District government service halls (昆都仑区政务服务).',
          version: '1.0.0',
        },
        tags: [
          { name: 'halls', description: '办事大厅与窗口 (第九条–第十一条)' },
          { name: 'inaccuracy-reports', description: '信息纠错' },
          { name: 'catalogue', description: '事项目录与办事指南 (第四条–第八条)' },
          { name: 'auth', description: '市民登录：手机号 + 短信验证码' },
          { name: 'me', description: '我的资料：登录市民本人的信息与代办单位' },
          { name: 'staff', description: '工作人员：登录、账号与角色、审计日志、指南导入' },
          { name: 'applications', description: '一表申请：材料上传、提交申请、我的办件' },
          { name: 'health', description: 'Liveness and database reachability' },
        ],
        components: {
          securitySchemes: {
            citizenSession: {
              type: 'apiKey',
              in: 'cookie',
              name: 'kdl_session',
              description: 'A signed-in citizen (POST /api/v1/auth/sessions). State-changing requests also send the X-CSRF-Token header (the kdl_csrf cookie).',
            },
            staffSession: {
              type: 'apiKey',
              in: 'cookie',
              name: 'kdl_staff_session',
              description:
                'Staff (POST /api/v1/staff/sessions); scopes name the roles allowed (clerk, supervisor, admin), none: any staff. State-changing requests also send the X-CSRF-Token header (the kdl_staff_csrf cookie).',
            },
          },
        },
      },
      // Keep shared schemas under their $id (ErrorBody, Hall …) instead of def-0, def-1.
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, index) => (typeof json.$id === 'string' ? json.$id : `def-${index}`),
      },
    })

    fastify.get('/api/openapi.json', { schema: { hide: true } }, async () => fastify.swagger())
  },
  { name: 'swagger' },
)
