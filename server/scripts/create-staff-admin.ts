import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { staffUsernamePattern } from '../../contract/staff.ts'
import { hashPassword } from '../src/auth/passwords.ts'
import { loadConfig } from '../src/config.ts'
import { databaseLocation, openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { ApiError } from '../src/http-errors.ts'
import { createStaffAccount } from '../src/staff/staff-accounts.ts'

// `npm run staff:create-admin -- --username <name> [--display-name <name>]`: creates a staff
// administrator in the configured database (migrating it first), the first one of a new
// installation or another. The password comes from STAFF_ADMIN_PASSWORD, else from standard input
// (typed without echo at a terminal, or the first line of a pipe). Audit-logged as
// `cli:staff:create-admin`. Exit code 1 when the username is taken or the input is invalid.

const usage = '用法 usage: npm run staff:create-admin -- --username <name> [--display-name <显示名>]  (password: STAFF_ADMIN_PASSWORD or stdin)'
const minPasswordLength = 10

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

/** Reads a password typed at a terminal without showing it. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin
    let password = ''
    process.stderr.write(prompt)
    input.setRawMode(true)
    input.resume()
    input.setEncoding('utf8')
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') {
          input.setRawMode(false)
          input.pause()
          input.off('data', onData)
          process.stderr.write('\n')
          resolve(password)
          return
        }
        if (character === '\u0003') {
          input.setRawMode(false)
          reject(new Error('cancelled'))
          return
        }
        if (character === '\u007f' || character === '\b') password = password.slice(0, -1)
        else password += character
      }
    }
    input.on('data', onData)
  })
}

async function readPipedLine(): Promise<string> {
  let text = ''
  for await (const chunk of process.stdin) text += String(chunk)
  return text.split(/\r?\n/)[0] ?? ''
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.STAFF_ADMIN_PASSWORD
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  if (!process.stdin.isTTY) return readPipedLine()
  const password = await readHidden('密码 password: ')
  if ((await readHidden('再输入一次 again: ')) !== password) fail('两次输入的密码不一致 (passwords differ)')
  return password
}

if (existsSync('.env')) process.loadEnvFile('.env')

let options: { username?: string | undefined; 'display-name'?: string | undefined }
try {
  options = parseArgs({ options: { username: { type: 'string' }, 'display-name': { type: 'string' } } }).values
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`)
}
const username = options.username?.trim().toLowerCase()
if (!username) fail(usage)
if (!new RegExp(staffUsernamePattern).test(username)) fail(`用户名无效 (invalid username): 3–32 个小写字母、数字或 . _ -，以字母开头`)
const displayName = options['display-name']?.trim() || '系统管理员'
const password = await readPassword()
if ([...password].length < minPasswordLength) fail(`密码至少 ${minPasswordLength} 个字符 (password too short)`)

const config = loadConfig()
const db = openDatabase(databaseLocation(config))
let exitCode = 0
try {
  await migrateToLatest(db)
  const passwordHash = await hashPassword(password)
  const account = await db.transaction().execute((trx) =>
    createStaffAccount(trx, { username, displayName, role: 'admin', hallIds: [], departmentIds: [], passwordHash }, { system: 'cli:staff:create-admin' }, new Date()),
  )
  console.log(`已创建系统管理员 created administrator ${account.username} (${account.id})`)
} catch (error) {
  if (!(error instanceof ApiError)) throw error
  console.error(`未创建 not created: ${error.message}`)
  exitCode = 1
} finally {
  await db.destroy()
}
process.exit(exitCode)
