import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Transaction } from 'kysely'
import { GuidesImportFile, GuidesImportReport } from '../../../../../../contract/staff.ts'
import { auditLog } from '../../../../audit/audit-log.ts'
import type { Database } from '../../../../db/schema.ts'
import { ImportFileError } from '../../../../guides/import-format.ts'
import { importGuides } from '../../../../guides/import-guides.ts'
import { ApiError } from '../../../../http-errors.ts'
import { signedInStaff, staffActsForDepartment, type SignedInStaff } from '../../../../plugins/auth.ts'
import { themesRepository } from '../../../../repositories/departments-repository.ts'
import { serviceItemsRepository } from '../../../../repositories/service-items-repository.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

/** Import files are larger than ordinary bodies: a department's guides run to a few hundred KB. */
const importBodyLimit = 4 * 1024 * 1024

type Detail = { path: string; message: string }

const stringAt = (value: unknown, key: string): string | undefined => {
  const field = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
  return typeof field === 'string' ? field : undefined
}

/**
 * What a supervisor may not import: departments other than their own, renamed themes (themes are
 * shared by every department), guides of another department, or items another department owns.
 */
async function outsideSupervisorsRemit(trx: Transaction<Database>, staff: SignedInStaff, file: GuidesImportFile): Promise<Detail[]> {
  const problems: Detail[] = []
  for (const [index, department] of (file.departments ?? []).entries()) {
    if (!staffActsForDepartment(staff, department.id)) problems.push({ path: `/body/departments/${index}`, message: `无权维护部门“${department.id}”` })
  }
  const themes = new Map((await themesRepository(trx).list()).map((theme) => [theme.id, theme]))
  for (const [index, theme] of (file.themes ?? []).entries()) {
    const existing = themes.get(theme.id)
    if (existing && (existing.name !== theme.name || existing.audience !== theme.audience)) {
      problems.push({ path: `/body/themes/${index}`, message: `主题“${existing.name}”由系统管理员维护，不能修改` })
    }
  }
  const items = serviceItemsRepository(trx)
  for (const [index, entry] of (file.guides ?? []).entries()) {
    const departmentId = stringAt((entry as Record<string, unknown>).guide, 'departmentId')
    if (departmentId !== undefined && !staffActsForDepartment(staff, departmentId)) {
      problems.push({ path: `/body/guides/${index}/guide/departmentId`, message: `无权导入部门“${departmentId}”的事项` })
    }
    const code = stringAt(entry, 'code')
    const existing = code === undefined ? undefined : await items.findForUpdate(code)
    if (existing && !staffActsForDepartment(staff, existing.department_id)) {
      problems.push({ path: `/body/guides/${index}/code`, message: `事项“${code}”属于其他部门，无权修改` })
    }
  }
  return problems
}

/** The guides import over HTTP (the same file and report as `npm run import:guides`). */
const guideImports: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '',
    {
      bodyLimit: importBodyLimit,
      schema: {
        operationId: 'importGuides',
        tags: ['staff'],
        summary: 'Import or update guides from a "kundulun-guides/1" file (admin, or supervisor of the departments)',
        description:
          'The same JSON as `npm run import:guides` (docs/guides-import.md), answered with the per-guide report. One transaction: a file whose envelope is wrong imports nothing (422). Supervisors import only guides of their departments (else 403 naming each entry). Attachments given by `path` cannot be read over HTTP and reject their guide; FileRefs of files already stored are accepted. Audit-logged. Body up to 4 MiB.',
        security: [{ staffSession: ['admin', 'supervisor'] }],
        body: GuidesImportFile,
        response: { 200: GuidesImportReport, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 422) },
      },
    },
    async (request) => {
      const staff = signedInStaff(request)
      const now = new Date()
      return fastify.db.transaction().execute(async (trx) => {
        if (staff.role !== 'admin') {
          const problems = await outsideSupervisorsRemit(trx, staff, request.body)
          if (problems.length > 0) throw new ApiError(403, 'OUTSIDE_DEPARTMENT', '导入内容包含不属于您所在部门的事项或部门信息', problems)
        }
        let report: GuidesImportReport
        try {
          report = await importGuides(trx, request.body, { now })
        } catch (error) {
          if (error instanceof ImportFileError) throw new ApiError(422, 'IMPORT_FILE_INVALID', error.message)
          throw error
        }
        await auditLog(trx, staff, 'guides.import', null, {
          departments: report.departments,
          themes: report.themes,
          guides: report.guides.map(({ code, outcome, version }) => ({ code, outcome, version })),
        }, now)
        return report
      })
    },
  )
}

export default guideImports
