import type { Kysely } from 'kysely'
import type { StaffAccount, StaffAccountChange, StaffRole } from '../../../contract/staff.ts'
import { auditLog, type AuditActor } from '../audit/audit-log.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http-errors.ts'
import { departmentsRepository } from '../repositories/departments-repository.ts'
import { hallsRepository } from '../repositories/halls-repository.ts'
import { staffSessionsRepository } from '../repositories/sessions-repository.ts'
import { staffAccountsRepository } from '../repositories/staff-accounts-repository.ts'

/** A new account, its password already hashed (hash before the transaction: it takes ~50 ms). */
export interface StaffAccountDraft {
  username: string
  displayName: string
  role: StaffRole
  hallIds: string[]
  departmentIds: string[]
  passwordHash: string
}

async function checkBindings(db: Kysely<Database>, hallIds: readonly string[] = [], departmentIds: readonly string[] = []): Promise<void> {
  const halls = hallsRepository(db)
  const unknownHalls: string[] = []
  for (const hallId of hallIds) if (!(await halls.exists(hallId))) unknownHalls.push(hallId)
  const knownDepartments = await departmentsRepository(db).ids()
  const unknownDepartments = departmentIds.filter((id) => !knownDepartments.has(id))
  const details = [
    ...unknownHalls.map((id) => ({ path: '/body/hallIds', message: `未知的办事大厅“${id}”` })),
    ...unknownDepartments.map((id) => ({ path: '/body/departmentIds', message: `未知的部门“${id}”` })),
  ]
  if (details.length > 0) throw new ApiError(422, 'UNKNOWN_BINDING', '所选的办事大厅或部门不存在', details)
}

/**
 * Creates a staff account bound to its halls and departments, and audit-logs it. Run it in a
 * transaction. 409 when the username is taken, 422 for unknown halls or departments.
 */
export async function createStaffAccount(db: Kysely<Database>, draft: StaffAccountDraft, actor: AuditActor, now: Date): Promise<StaffAccount> {
  const accounts = staffAccountsRepository(db)
  if (await accounts.usernameTaken(draft.username)) throw new ApiError(409, 'USERNAME_TAKEN', `用户名“${draft.username}”已被使用`)
  await checkBindings(db, draft.hallIds, draft.departmentIds)
  const id = await accounts.create(draft)
  await auditLog(db, actor, 'staff_account.create', `staff_account:${id}`, {
    username: draft.username,
    role: draft.role,
    hallIds: draft.hallIds,
    departmentIds: draft.departmentIds,
  }, now)
  return (await accounts.findAccount(id, now))!
}

/**
 * Changes an account (administrators): name, role, bindings, disabled, password. Disabling or a
 * new password ends the account's sessions. The last active administrator can be neither demoted
 * nor disabled, and nobody disables themselves. Audit-logged without the password. Run it in a
 * transaction; `passwordHash` is the hash of `change.password` when one is given.
 */
export async function updateStaffAccount(
  db: Kysely<Database>,
  id: string,
  change: Omit<StaffAccountChange, 'password'>,
  passwordHash: string | undefined,
  actor: AuditActor,
  now: Date,
): Promise<StaffAccount> {
  const accounts = staffAccountsRepository(db)
  const before = await accounts.findIdentity(id)
  if (!before) throw notFound('未找到该工作人员账号')
  if (change.disabled === true && 'id' in actor && actor.id === id) {
    throw new ApiError(409, 'CANNOT_DISABLE_SELF', '不能停用自己的账号')
  }
  const losesAdmin = before.role === 'admin' && ((change.role !== undefined && change.role !== 'admin') || change.disabled === true)
  if (losesAdmin && (await accounts.countOtherActiveAdmins(id)) === 0) {
    throw new ApiError(409, 'LAST_ADMIN', '至少需要保留一个可用的系统管理员账号')
  }
  await checkBindings(db, change.hallIds, change.departmentIds)
  await accounts.update(
    id,
    {
      ...(change.displayName !== undefined && { displayName: change.displayName }),
      ...(change.role !== undefined && { role: change.role }),
      ...(change.disabled !== undefined && { disabled: change.disabled }),
      ...(passwordHash !== undefined && { passwordHash }),
    },
    now,
  )
  if (change.hallIds) await accounts.replaceHalls(id, change.hallIds)
  if (change.departmentIds) await accounts.replaceDepartments(id, change.departmentIds)
  if (change.disabled === true || passwordHash !== undefined) await staffSessionsRepository(db).deleteForStaff(id)
  await auditLog(db, actor, 'staff_account.update', `staff_account:${id}`, {
    username: before.username,
    ...change,
    ...(passwordHash !== undefined && { passwordReset: true }),
  }, now)
  return (await accounts.findAccount(id, now))!
}
