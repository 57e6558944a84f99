// Blocking clients of other network protocols: SMTP (smtplib), FTP (ftplib) and SSH (paramiko).

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/** A constructor that connects when given a host: the object is only returned once the server has greeted it. */
function connectingConstructor(cls: string, o: { does: string; protocol: string; call: string; instead: readonly string[]; good: string }): BlockingEntry {
  const module = cls.split('.')[0] ?? cls;
  return blocking({
    id: `python:${cls}`,
    match: [cls],
    category: 'network-io',
    why: `${cls}(host) connects to the ${o.protocol} server and waits for its greeting inside the constructor, on blocking sockets.`,
    does: o.does,
    useInstead: o.instead,
    example: {
      bad: py`
        import ${module}

        async def open_session(host: str):
            return ${o.call}
      `,
      good: o.good,
    },
  });
}

/** A command method of `smtplib.SMTP` (and `SMTP_SSL`): it sends a command and waits for the reply. */
function smtpCommand(name: string, does: string, call: string, offloaded: string): BlockingEntry {
  return blocking({
    id: `python:smtplib.SMTP.${name}`,
    match: [`smtplib.SMTP.${name}`, `smtplib.SMTP_SSL.${name}`, `smtplib.LMTP.${name}`],
    category: 'network-io',
    why: `smtplib.SMTP.${name} exchanges commands with the mail server on a blocking socket, waiting on the calling thread for each reply.`,
    does,
    useInstead: ['await aiosmtplib.send(message, hostname=host, port=587, start_tls=True)', `await smtp.${call}  # smtp: aiosmtplib.SMTP`, ...toThread(offloaded)],
    example: {
      bad: py`
        import smtplib
        from email.message import EmailMessage

        async def deliver(smtp: smtplib.SMTP, message: EmailMessage, user: str, password: str) -> None:
            smtp.${call}
      `,
      good: py`
        import aiosmtplib
        from email.message import EmailMessage

        async def deliver(smtp: aiosmtplib.SMTP, message: EmailMessage, user: str, password: str) -> None:
            await smtp.${call}
      `,
    },
  });
}

/** A command method of `ftplib.FTP` (and `FTP_TLS`): a control-channel exchange, plus a data transfer for some. */
function ftpCommand(name: string, does: string, call: string, good: string): BlockingEntry {
  return blocking({
    id: `python:ftplib.FTP.${name}`,
    match: [`ftplib.FTP.${name}`, `ftplib.FTP_TLS.${name}`],
    category: 'network-io',
    why: `ftplib.FTP.${name} sends an FTP command and waits for the reply (and any data transfer) on blocking sockets, holding the calling thread.`,
    does,
    useInstead: [`await client.${good}  # client: aioftp.Client`, '...or wrap the whole FTP session in one function and run it with await asyncio.to_thread(fn)'],
    example: {
      bad: py`
        import ftplib

        async def sync_reports(ftp: ftplib.FTP, remote: str, local: str, callback) -> None:
            ftp.${call}
      `,
      good: py`
        import aioftp

        async def sync_reports(client: aioftp.Client, remote: str, local: str, callback) -> None:
            await client.${good}
      `,
    },
  });
}

/** A method of paramiko's SSH or SFTP client: every call is a round trip over a blocking transport. */
function paramikoMethod(cls: string, method: string, o: { does: string; what: string; param: string; call: string; good: string; returns?: string }): BlockingEntry {
  const api = `paramiko.${cls}.${method}`;
  return blocking({
    id: `python:${api}`,
    match: [api],
    ...(o.returns ? { returns: o.returns } : {}),
    category: 'network-io',
    why: `${api} ${o.what}, waiting for the server on the calling thread; paramiko has no async API.`,
    does: o.does,
    useInstead: [`await ${o.good}  # asyncssh`, '...or run the whole paramiko session in one function with await asyncio.to_thread(fn)'],
    example: {
      bad: py`
        import paramiko

        async def deploy(${o.param}: paramiko.${cls}, host: str, local: str, remote: str) -> None:
            ${o.call}
      `,
      good: py`
        import asyncssh

        async def deploy(conn: asyncssh.SSHClientConnection, sftp: asyncssh.SFTPClient, host: str, local: str, remote: str) -> None:
            await ${o.good}
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  // smtplib: the constructors connect when a host is given; every command waits for a reply.
  connectingConstructor('smtplib.SMTP', {
    does: 'connects to an SMTP server with blocking I/O',
    protocol: 'SMTP',
    call: 'smtplib.SMTP(host, 587, timeout=10)',
    instead: ['smtp = aiosmtplib.SMTP(hostname=host, port=587); await smtp.connect()', 'await aiosmtplib.send(message, hostname=host, port=587)'],
    good: py`
      import aiosmtplib

      async def open_session(host: str):
          smtp = aiosmtplib.SMTP(hostname=host, port=587, timeout=10)
          await smtp.connect()
          return smtp
    `,
  }),
  connectingConstructor('smtplib.SMTP_SSL', {
    does: 'connects to an SMTP server with blocking I/O',
    protocol: 'SMTP over TLS',
    call: 'smtplib.SMTP_SSL(host, 465, timeout=10)',
    instead: ['smtp = aiosmtplib.SMTP(hostname=host, port=465, use_tls=True); await smtp.connect()'],
    good: py`
      import aiosmtplib

      async def open_session(host: str):
          smtp = aiosmtplib.SMTP(hostname=host, port=465, use_tls=True, timeout=10)
          await smtp.connect()
          return smtp
    `,
  }),
  smtpCommand('sendmail', 'sends mail with blocking I/O', 'sendmail(user, ["ops@example.com"], message.as_string())', 'smtp.sendmail, sender, recipients, text'),
  smtpCommand('send_message', 'sends mail with blocking I/O', 'send_message(message)', 'smtp.send_message, message'),
  smtpCommand('login', 'logs in to an SMTP server with blocking I/O', 'login(user, password)', 'smtp.login, user, password'),
  smtpCommand('starttls', 'negotiates TLS with blocking I/O', 'starttls()', 'smtp.starttls'),
  smtpCommand('connect', 'connects to an SMTP server with blocking I/O', 'connect()', 'smtp.connect, host, port'),
  smtpCommand('quit', 'closes an SMTP session with blocking I/O', 'quit()', 'smtp.quit'),

  // ftplib.
  connectingConstructor('ftplib.FTP', {
    does: 'connects to an FTP server with blocking I/O',
    protocol: 'FTP',
    call: 'ftplib.FTP(host, timeout=30)',
    instead: ['async with aioftp.Client.context(host, user=user, password=password) as client: ...'],
    good: py`
      import aioftp

      async def open_session(host: str):
          client = aioftp.Client()
          await client.connect(host)
          return client
    `,
  }),
  connectingConstructor('ftplib.FTP_TLS', {
    does: 'connects to an FTP server with blocking I/O',
    protocol: 'FTPS',
    call: 'ftplib.FTP_TLS(host, timeout=30)',
    instead: ['async with aioftp.Client.context(host, user=user, password=password, ssl=True) as client: ...'],
    good: py`
      import aioftp

      async def open_session(host: str):
          client = aioftp.Client(ssl=True)
          await client.connect(host)
          return client
    `,
  }),
  ftpCommand('connect', 'connects to an FTP server with blocking I/O', 'connect(remote)', 'connect(remote)'),
  ftpCommand('login', 'logs in to an FTP server with blocking I/O', 'login()', 'login()'),
  ftpCommand('cwd', 'changes the FTP directory with blocking I/O', 'cwd(remote)', 'change_directory(remote)'),
  ftpCommand('retrbinary', 'downloads a file over FTP with blocking I/O', 'retrbinary(f"RETR {remote}", callback)', 'download(remote, local)'),
  ftpCommand('retrlines', 'downloads text over FTP with blocking I/O', 'retrlines(f"RETR {remote}", callback)', 'download(remote, local)'),
  ftpCommand('storbinary', 'uploads a file over FTP with blocking I/O', 'storbinary(f"STOR {remote}", callback)', 'upload(local, remote)'),
  ftpCommand('storlines', 'uploads text over FTP with blocking I/O', 'storlines(f"STOR {remote}", callback)', 'upload(local, remote)'),
  ftpCommand('nlst', 'lists an FTP directory with blocking I/O', 'nlst(remote)', 'list(remote)'),
  ftpCommand('mlsd', 'lists an FTP directory with blocking I/O', 'mlsd(remote)', 'list(remote)'),
  ftpCommand('delete', 'deletes a remote file with blocking I/O', 'delete(remote)', 'remove_file(remote)'),
  ftpCommand('rename', 'renames a remote file with blocking I/O', 'rename(remote, local)', 'rename(remote, local)'),
  ftpCommand('mkd', 'creates a remote directory with blocking I/O', 'mkd(remote)', 'make_directory(remote)'),
  ftpCommand('rmd', 'removes a remote directory with blocking I/O', 'rmd(remote)', 'remove_directory(remote)'),
  ftpCommand('size', 'queries a remote file with blocking I/O', 'size(remote)', 'stat(remote)'),
  ftpCommand('quit', 'closes an FTP session with blocking I/O', 'quit()', 'quit()'),

  // paramiko: SSH and SFTP on blocking transports; asyncssh is the asyncio counterpart.
  paramikoMethod('SSHClient', 'connect', {
    does: 'opens an SSH connection with blocking I/O',
    what: 'connects, negotiates keys and authenticates',
    param: 'client',
    call: 'client.connect(host, username="deploy")',
    good: 'asyncssh.connect(host, username="deploy")',
  }),
  paramikoMethod('SSHClient', 'exec_command', {
    does: 'runs a remote command with blocking I/O',
    what: 'opens a channel and starts a remote command',
    param: 'client',
    call: 'client.exec_command(f"install {remote}")',
    good: 'conn.run(f"install {remote}", check=True)',
  }),
  paramikoMethod('SSHClient', 'open_sftp', {
    does: 'opens an SFTP session with blocking I/O',
    what: 'opens a channel and starts the SFTP subsystem',
    param: 'client',
    call: 'client.open_sftp()',
    good: 'conn.start_sftp_client()',
    returns: 'paramiko.SFTPClient',
  }),
  paramikoMethod('SFTPClient', 'get', {
    does: 'downloads a file over SFTP with blocking I/O',
    what: 'downloads a remote file to local disk',
    param: 'sftp',
    call: 'sftp.get(remote, local)',
    good: 'sftp.get(remote, local)',
  }),
  paramikoMethod('SFTPClient', 'put', {
    does: 'uploads a file over SFTP with blocking I/O',
    what: 'uploads a local file to the server',
    param: 'sftp',
    call: 'sftp.put(local, remote)',
    good: 'sftp.put(local, remote)',
  }),
];
