import { Writable } from 'node:stream'
import { pino, type LoggerOptions } from 'pino'
import { expect, test } from 'vitest'
import { loggerOptions } from '../../../server/src/logger.ts'

function captureLog(write: (logger: pino.Logger) => void): string {
  let output = ''
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString()
      done()
    },
  })
  write(pino(loggerOptions('info') as LoggerOptions, sink))
  return output
}

test('personal data never reaches the log, however deep it is logged', () => {
  const output = captureLog((logger) => {
    logger.info({ contact: '13912345678' }, 'top level')
    logger.info({ body: { contact: '13912345678', phone: '13812345678', idNumber: '150203199001011234' } }, 'a request body')
    logger.info({ req: { headers: { cookie: 'session=secret-session' } } }, 'a request')
  })
  expect(output).toContain('[已隐藏]')
  for (const secret of ['13912345678', '13812345678', '150203199001011234', 'secret-session']) expect(output).not.toContain(secret)
})

test('passwords and CSRF tokens never reach the log either', () => {
  const output = captureLog((logger) => {
    logger.info({ body: { username: 'zhang.wei', password: 'staff-password-1' } }, 'a staff sign-in body')
    logger.info({ req: { headers: { 'x-csrf-token': 'csrf-token-value' } } }, 'a write')
  })
  for (const secret of ['staff-password-1', 'csrf-token-value']) expect(output).not.toContain(secret)
  expect(output).toContain('zhang.wei')
})
