import type { Expression, Kysely } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { StaffAccount, StaffRole } from '../../../contract/staff.ts'
import type { Database } from '../db/schema.ts'

/** Who a staff member is and where they work: what a session resolves to. */
export interface StaffIdentity {
  id: string
  username: string
  displayName: string
  role: StaffRole
  hallIds: string[]
  departmentIds: string[]
}

/** What password sign-in needs to know about an account. */
export interface StaffCredentials {
  id: string
  username: string
  passwordHash: string
  disabled: boolean
  lockedUntil: Date | null
}

export interface NewStaffAccount {
  username: string
  displayName: string
  role: StaffRole
  passwordHash: string
  hallIds: string[]
  departmentIds: string[]
}

export interface StaffAccountUpdate {
  displayName?: string
  role?: StaffRole
  disabled?: boolean
  /** A new password also lifts a lockout. */
  passwordHash?: string
}

function bindings(db: Kysely<Database>, staffId: Expression<string>) {
  return {
    halls: jsonArrayFrom(db.selectFrom('staff_halls').select('hall_id').where('staff_halls.staff_id', '=', staffId).orderBy('hall_id')),
    departments: jsonArrayFrom(
      db.selectFrom('staff_departments').select('department_id').where('staff_departments.staff_id', '=', staffId).orderBy('department_id'),
    ),
  }
}

export function staffAccountsRepository(db: Kysely<Database>) {
  const accounts = () =>
    db.selectFrom('staff_accounts').select((eb) => {
      const { halls, departments } = bindings(db, eb.ref('staff_accounts.id'))
      return [
        'id',
        'username',
        'display_name',
        'role',
        'disabled_at',
        'locked_until',
        'created_at',
        'updated_at',
        halls.as('halls'),
        departments.as('departments'),
      ]
    })

  type AccountRow = Awaited<ReturnType<ReturnType<typeof accounts>['executeTakeFirstOrThrow']>>
  const toIdentity = (row: AccountRow): StaffIdentity => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    hallIds: row.halls.map((hall) => hall.hall_id),
    departmentIds: row.departments.map((department) => department.department_id),
  })
  const toAccount = (row: AccountRow, now: Date): StaffAccount => {
    const { id, username, displayName, role, hallIds, departmentIds } = toIdentity(row)
    return {
      id,
      username,
      displayName,
      role,
      hallIds,
      departmentIds,
      disabled: row.disabled_at !== null,
      lockedUntil: row.locked_until && row.locked_until > now ? row.locked_until.toISOString() : null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    }
  }

  async function replaceHalls(id: string, hallIds: string[]): Promise<void> {
    await db.deleteFrom('staff_halls').where('staff_id', '=', id).execute()
    if (hallIds.length > 0) await db.insertInto('staff_halls').values(hallIds.map((hallId) => ({ staff_id: id, hall_id: hallId }))).execute()
  }

  async function replaceDepartments(id: string, departmentIds: string[]): Promise<void> {
    await db.deleteFrom('staff_departments').where('staff_id', '=', id).execute()
    if (departmentIds.length > 0) {
      await db.insertInto('staff_departments').values(departmentIds.map((departmentId) => ({ staff_id: id, department_id: departmentId }))).execute()
    }
  }

  return {
    /** The identity of an account that is not disabled, or undefined. */
    async findActiveIdentity(id: string): Promise<StaffIdentity | undefined> {
      const row = await accounts().where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst()
      return row && toIdentity(row)
    },

    async findIdentity(id: string): Promise<StaffIdentity | undefined> {
      const row = await accounts().where('id', '=', id).executeTakeFirst()
      return row && toIdentity(row)
    },

    async findAccount(id: string, now: Date): Promise<StaffAccount | undefined> {
      const row = await accounts().where('id', '=', id).executeTakeFirst()
      return row && toAccount(row, now)
    },

    /** Every account, active ones first, then by username. */
    async list(now: Date): Promise<StaffAccount[]> {
      const rows = await accounts().orderBy((eb) => eb('disabled_at', 'is not', null)).orderBy('username').execute()
      return rows.map((row) => toAccount(row, now))
    },

    async findCredentials(username: string): Promise<StaffCredentials | undefined> {
      const row = await db
        .selectFrom('staff_accounts')
        .select(['id', 'username', 'password_hash', 'disabled_at', 'locked_until'])
        .where('username', '=', username)
        .executeTakeFirst()
      return row && { id: row.id, username: row.username, passwordHash: row.password_hash, disabled: row.disabled_at !== null, lockedUntil: row.locked_until }
    },

    async usernameTaken(username: string): Promise<boolean> {
      return (await db.selectFrom('staff_accounts').select('id').where('username', '=', username).executeTakeFirst()) !== undefined
    },

    async create(account: NewStaffAccount): Promise<string> {
      const { id } = await db
        .insertInto('staff_accounts')
        .values({ username: account.username, display_name: account.displayName, role: account.role, password_hash: account.passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow()
      await replaceHalls(id, account.hallIds)
      await replaceDepartments(id, account.departmentIds)
      return id
    },

    async update(id: string, change: StaffAccountUpdate, now: Date): Promise<void> {
      await db
        .updateTable('staff_accounts')
        .set({
          updated_at: now,
          ...(change.displayName !== undefined && { display_name: change.displayName }),
          ...(change.role !== undefined && { role: change.role }),
          ...(change.disabled !== undefined && { disabled_at: change.disabled ? now : null }),
          ...(change.passwordHash !== undefined && { password_hash: change.passwordHash, failed_sign_ins: 0, locked_until: null }),
        })
        .where('id', '=', id)
        .execute()
    },

    replaceHalls,
    replaceDepartments,

    /** Active administrators other than `exceptId`: the last one may not be demoted or disabled. */
    async countOtherActiveAdmins(exceptId: string): Promise<number> {
      const { count } = await db
        .selectFrom('staff_accounts')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .where('id', '!=', exceptId)
        .executeTakeFirstOrThrow()
      return Number(count)
    },

    /**
     * Counts a failed sign-in atomically; at `maxFailures` consecutive failures the account is
     * locked until `lockUntil` and the count starts again. Answers whether it is now locked.
     */
    async recordFailedSignIn(id: string, maxFailures: number, lockUntil: Date): Promise<boolean> {
      const { failed_sign_ins: failures } = await db
        .updateTable('staff_accounts')
        .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
        .where('id', '=', id)
        .returning('failed_sign_ins')
        .executeTakeFirstOrThrow()
      if (failures < maxFailures) return false
      await db.updateTable('staff_accounts').set({ failed_sign_ins: 0, locked_until: lockUntil }).where('id', '=', id).execute()
      return true
    },

    /**
     * Clears the failure count after a correct password, unless a concurrent failure has locked
     * the account meanwhile; answers false then, and the sign-in is refused.
     */
    async recordSuccessfulSignIn(id: string, now: Date): Promise<boolean> {
      const row = await db
        .updateTable('staff_accounts')
        .set({ failed_sign_ins: 0, locked_until: null })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .returning('id')
        .executeTakeFirst()
      return row !== undefined
    },
  }
}
