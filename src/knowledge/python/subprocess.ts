// Starting child processes and waiting for them: subprocess, os.system, os.popen, os.spawn*,
// os.posix_spawn and the os.wait family.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/** The async process APIs, per runtime. */
const asyncProcesses = [
  'proc = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE); out, _ = await proc.communicate()',
  'result = await anyio.run_process(argv)',
  'result = await trio.run_process(argv, capture_stdout=True)',
];

/** A `subprocess` function that runs a command to completion: it spawns the child and waits for it. */
function runsToCompletion(name: string, o: { what: string; call: string; good: string }): BlockingEntry {
  return blocking({
    id: `python:subprocess.${name}`,
    match: [`subprocess.${name}`],
    ...(name === 'run' ? { returns: 'subprocess.CompletedProcess' } : {}),
    category: 'subprocess',
    why: `subprocess.${name} ${o.what} and blocks the calling thread until the child exits, so the event loop waits as long as the command runs.`,
    does: 'runs a process and waits for it',
    useInstead: asyncProcesses,
    example: {
      bad: py`
        import subprocess

        async def current_commit(repo: str):
            return subprocess.${o.call}
      `,
      good: o.good,
    },
  });
}

/** A function of the os.wait family: it suspends the thread until a child process changes state. */
function osWait(name: string, o: { what: string; args: string }): BlockingEntry {
  const offloaded = `os.${name}${o.args ? `, ${o.args}` : ''}`;
  return blocking({
    id: `python:os.${name}`,
    match: [`os.${name}`],
    category: 'subprocess',
    why: `os.${name} ${o.what}; without os.WNOHANG it suspends the calling thread, and the event loop, until a child process exits or stops.`,
    does: 'waits for a child process',
    useInstead: ['await proc.wait()  # proc from asyncio.create_subprocess_exec', ...toThread(offloaded)],
    example: {
      bad: py`
        import os

        async def reap(pid: int):
            return os.${name}(${o.args})
      `,
      good: py`
        import asyncio
        import os

        async def reap(pid: int):
            return await asyncio.to_thread(${offloaded})
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  runsToCompletion('run', {
    what: 'spawns the command, collects its output',
    call: 'run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, check=True)',
    good: py`
      import asyncio

      async def current_commit(repo: str):
          proc = await asyncio.create_subprocess_exec("git", "rev-parse", "HEAD", cwd=repo, stdout=asyncio.subprocess.PIPE)
          out, _ = await proc.communicate()
          return out
    `,
  }),
  runsToCompletion('call', {
    what: 'spawns the command',
    call: 'call(["git", "fetch"], cwd=repo)',
    good: py`
      import asyncio

      async def current_commit(repo: str):
          proc = await asyncio.create_subprocess_exec("git", "fetch", cwd=repo)
          return await proc.wait()
    `,
  }),
  runsToCompletion('check_call', {
    what: 'spawns the command',
    call: 'check_call(["git", "fetch"], cwd=repo)',
    good: py`
      import anyio

      async def current_commit(repo: str):
          return await anyio.run_process(["git", "fetch"], cwd=repo, check=True)
    `,
  }),
  runsToCompletion('check_output', {
    what: 'spawns the command, collects its output',
    call: 'check_output(["git", "rev-parse", "HEAD"], cwd=repo)',
    good: py`
      import anyio

      async def current_commit(repo: str):
          result = await anyio.run_process(["git", "rev-parse", "HEAD"], cwd=repo)
          return result.stdout
    `,
  }),
  runsToCompletion('getoutput', {
    what: 'runs the command through the shell, collects its output',
    call: 'getoutput(f"git -C {repo} rev-parse HEAD")',
    good: py`
      import asyncio

      async def current_commit(repo: str):
          proc = await asyncio.create_subprocess_shell(f"git -C {repo} rev-parse HEAD", stdout=asyncio.subprocess.PIPE)
          out, _ = await proc.communicate()
          return out.decode()
    `,
  }),
  runsToCompletion('getstatusoutput', {
    what: 'runs the command through the shell, collects its output',
    call: 'getstatusoutput(f"git -C {repo} rev-parse HEAD")',
    good: py`
      import asyncio

      async def current_commit(repo: str):
          proc = await asyncio.create_subprocess_shell(f"git -C {repo} rev-parse HEAD", stdout=asyncio.subprocess.PIPE)
          out, _ = await proc.communicate()
          return proc.returncode, out.decode()
    `,
  }),
  blocking({
    id: 'python:subprocess.Popen',
    match: ['subprocess.Popen'],
    category: 'subprocess',
    why: 'subprocess.Popen forks and executes the child with blocking system calls, and hands back pipes that can only be read, written or waited on synchronously.',
    does: 'starts a process synchronously',
    useInstead: asyncProcesses,
    example: {
      bad: py`
        import subprocess

        async def start_worker(script: str) -> subprocess.Popen:
            return subprocess.Popen(["python", script])
      `,
      good: py`
        import asyncio

        async def start_worker(script: str) -> asyncio.subprocess.Process:
            return await asyncio.create_subprocess_exec("python", script)
      `,
    },
  }),
  blocking({
    id: 'python:subprocess.Popen.wait',
    match: ['subprocess.Popen.wait'],
    category: 'subprocess',
    why: 'subprocess.Popen.wait suspends the calling thread until the child process exits, which can take as long as the command runs.',
    does: 'waits for a process to exit',
    useInstead: ['await proc.wait()  # proc from asyncio.create_subprocess_exec', ...toThread('proc.wait')],
    example: {
      bad: py`
        import subprocess

        async def finish(proc: subprocess.Popen) -> int:
            return proc.wait()
      `,
      good: py`
        import asyncio
        import subprocess

        async def finish(proc: subprocess.Popen) -> int:
            return await asyncio.to_thread(proc.wait)
      `,
    },
  }),
  blocking({
    id: 'python:subprocess.Popen.communicate',
    match: ['subprocess.Popen.communicate'],
    category: 'subprocess',
    why: "subprocess.Popen.communicate writes the child's input, reads all of its output and waits for it to exit, all on the calling thread.",
    does: 'waits for a process and its output',
    useInstead: ['out, err = await proc.communicate(data)  # proc from asyncio.create_subprocess_exec', ...toThread('proc.communicate, data')],
    example: {
      bad: py`
        import subprocess

        async def finish(proc: subprocess.Popen) -> bytes:
            out, _ = proc.communicate()
            return out
      `,
      good: py`
        import asyncio

        async def finish(proc: asyncio.subprocess.Process) -> bytes:
            out, _ = await proc.communicate()
            return out
      `,
    },
  }),
  blocking({
    id: 'python:os.system',
    match: ['os.system'],
    category: 'subprocess',
    why: 'os.system runs the command through the shell and blocks the calling thread until it exits.',
    does: 'runs a shell command and waits for it',
    useInstead: ['proc = await asyncio.create_subprocess_shell(command); await proc.wait()', 'await anyio.run_process(command)', 'await trio.run_process(command, shell=True)'],
    example: {
      bad: py`
        import os

        async def restart(service: str) -> int:
            return os.system(f"systemctl restart {service}")
      `,
      good: py`
        import asyncio

        async def restart(service: str) -> int:
            proc = await asyncio.create_subprocess_exec("systemctl", "restart", service)
            return await proc.wait()
      `,
    },
  }),
  blocking({
    id: 'python:os.popen',
    match: ['os.popen'],
    category: 'subprocess',
    why: 'os.popen starts the command through the shell with blocking system calls and returns a pipe that is read synchronously until the command ends.',
    does: 'runs a shell command synchronously',
    useInstead: ['proc = await asyncio.create_subprocess_shell(command, stdout=asyncio.subprocess.PIPE); out, _ = await proc.communicate()', 'result = await anyio.run_process(command)'],
    example: {
      bad: py`
        import os

        async def disk_report():
            return os.popen("df -h")
      `,
      good: py`
        import asyncio

        async def disk_report() -> bytes:
            proc = await asyncio.create_subprocess_exec("df", "-h", stdout=asyncio.subprocess.PIPE)
            out, _ = await proc.communicate()
            return out
      `,
    },
  }),
  blocking({
    id: 'python:os.spawnv',
    // The eight variants differ only in how arguments and the environment are passed.
    match: ['os.spawnl', 'os.spawnle', 'os.spawnlp', 'os.spawnlpe', 'os.spawnv', 'os.spawnve', 'os.spawnvp', 'os.spawnvpe'],
    category: 'subprocess',
    why: 'The os.spawn* functions fork and execute a program with blocking system calls, and with os.P_WAIT they also wait on the calling thread until it exits.',
    does: 'starts a process synchronously',
    useInstead: asyncProcesses,
    example: {
      bad: py`
        import os

        async def convert(source: str) -> int:
            return os.spawnlp(os.P_WAIT, "convert", "convert", source, "out.png")
      `,
      good: py`
        import asyncio

        async def convert(source: str) -> int:
            proc = await asyncio.create_subprocess_exec("convert", source, "out.png")
            return await proc.wait()
      `,
    },
  }),
  blocking({
    id: 'python:os.posix_spawn',
    match: ['os.posix_spawn', 'os.posix_spawnp'],
    category: 'subprocess',
    why: 'os.posix_spawn creates and executes a child process with blocking system calls on the calling thread.',
    does: 'starts a process synchronously',
    useInstead: asyncProcesses,
    example: {
      bad: py`
        import os

        async def launch(argv: list[str]) -> int:
            return os.posix_spawnp(argv[0], argv, dict(os.environ))
      `,
      good: py`
        import asyncio

        async def launch(argv: list[str]) -> int:
            proc = await asyncio.create_subprocess_exec(*argv)
            return proc.pid
      `,
    },
  }),
  osWait('wait', { what: 'waits for any child process', args: '' }),
  osWait('waitpid', { what: 'waits for the given child process', args: 'pid, 0' }),
  osWait('wait3', { what: 'waits for any child process and collects its resource usage', args: '0' }),
  osWait('wait4', { what: 'waits for the given child process and collects its resource usage', args: 'pid, 0' }),
  osWait('waitid', { what: 'waits for a child process selected by id type', args: 'os.P_PID, pid, os.WEXITED' }),
];
