// `npm run dev`: the API server on :8081 (restarting on change) behind Vite's dev server, which
// proxies /api to it, so the app reloads as you edit either side.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const children: ChildProcess[] = [
  spawn(process.execPath, ['--watch-path=server/src', '--watch-path=contract', 'server/src/server.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: '8081', HOST: '127.0.0.1', NODE_ENV: 'development' },
  }),
  spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js')], { cwd: root, stdio: 'inherit' }),
]

function stop(): void {
  for (const child of children) child.kill('SIGTERM')
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children) child.on('exit', stop)
