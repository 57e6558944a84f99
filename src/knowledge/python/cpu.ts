// Deliberately slow CPU work: password hashing and key derivation. Each call is designed to take
// tens to hundreds of milliseconds, all of it on the calling thread.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/** A password-hashing or key-derivation call, written as `<call>` in the examples. */
function slowHash(api: string, o: {
  match?: readonly string[];
  what: string;
  does: string;
  imports: string;
  params: string;
  call: string;
  offloaded: string;
  when?: { readonly minArg: { readonly index: number; readonly keyword?: string; readonly value: number } };
}): BlockingEntry {
  return blocking({
    id: `python:${api}`,
    match: o.match ?? [api],
    category: 'cpu',
    why: `${api} ${o.what}, a computation made slow on purpose that runs on the calling thread and holds the event loop for tens to hundreds of milliseconds per call.`,
    does: o.does,
    useInstead: toThread(o.offloaded),
    ...(o.when ? { when: o.when } : {}),
    example: {
      bad: py`
        ${o.imports}

        async def handle(${o.params}):
            return ${o.call}
      `,
      good: py`
        import asyncio
        ${o.imports}

        async def handle(${o.params}):
            return await asyncio.to_thread(${o.offloaded})
      `,
    },
  });
}

/** A `passlib.hash` scheme's hash and verify: both run the scheme's full work factor. */
function passlibScheme(scheme: string, algorithm: string): BlockingEntry[] {
  return [
    slowHash(`passlib.hash.${scheme}.hash`, {
      match: [`passlib.hash.${scheme}.hash`, `passlib.hash.${scheme}.encrypt`],
      what: `derives a ${algorithm} hash of the password`,
      does: 'hashes a password on the event loop',
      imports: 'from passlib.hash import ' + scheme,
      params: 'password: str',
      call: `${scheme}.hash(password)`,
      offloaded: `${scheme}.hash, password`,
    }),
    slowHash(`passlib.hash.${scheme}.verify`, {
      what: `recomputes the ${algorithm} hash of the password to compare it`,
      does: 'verifies a password on the event loop',
      imports: 'from passlib.hash import ' + scheme,
      params: 'password: str, stored: str',
      call: `${scheme}.verify(password, stored)`,
      offloaded: `${scheme}.verify, password, stored`,
    }),
  ];
}

export const entries: readonly Entry[] = [
  // hashlib. pbkdf2_hmac is cheap with few iterations: a literal count below 10,000 is not reported.
  slowHash('hashlib.pbkdf2_hmac', {
    what: 'runs the given number of HMAC iterations (hundreds of thousands in practice)',
    does: 'derives a key on the event loop',
    imports: 'import hashlib',
    params: 'password: bytes, salt: bytes',
    call: 'hashlib.pbkdf2_hmac("sha256", password, salt, 600_000)',
    offloaded: 'hashlib.pbkdf2_hmac, "sha256", password, salt, 600_000',
    when: { minArg: { index: 3, keyword: 'iterations', value: 10_000 } },
  }),
  slowHash('hashlib.scrypt', {
    what: 'runs the memory-hard scrypt function',
    does: 'derives a key on the event loop',
    imports: 'import hashlib',
    params: 'password: bytes, salt: bytes',
    call: 'hashlib.scrypt(password, salt=salt, n=2**14, r=8, p=1)',
    offloaded: 'lambda: hashlib.scrypt(password, salt=salt, n=2**14, r=8, p=1)',
  }),

  // bcrypt.
  slowHash('bcrypt.hashpw', {
    what: 'runs the bcrypt key schedule 2^rounds times',
    does: 'hashes a password on the event loop',
    imports: 'import bcrypt',
    params: 'password: bytes, salt: bytes',
    call: 'bcrypt.hashpw(password, salt)',
    offloaded: 'bcrypt.hashpw, password, salt',
  }),
  slowHash('bcrypt.checkpw', {
    what: 'recomputes the bcrypt hash of the password to compare it',
    does: 'verifies a password on the event loop',
    imports: 'import bcrypt',
    params: 'password: bytes, hashed: bytes',
    call: 'bcrypt.checkpw(password, hashed)',
    offloaded: 'bcrypt.checkpw, password, hashed',
  }),
  slowHash('bcrypt.kdf', {
    what: 'runs bcrypt-pbkdf for the given rounds',
    does: 'derives a key on the event loop',
    imports: 'import bcrypt',
    params: 'password: bytes, salt: bytes',
    call: 'bcrypt.kdf(password=password, salt=salt, desired_key_bytes=32, rounds=100)',
    offloaded: 'bcrypt.kdf, password, salt, 32, 100',
  }),

  // passlib.
  slowHash('passlib.context.CryptContext.hash', {
    match: ['passlib.context.CryptContext.hash', 'passlib.context.CryptContext.encrypt'],
    what: "hashes the password with the context's default scheme",
    does: 'hashes a password on the event loop',
    imports: 'from passlib.context import CryptContext',
    params: 'context: CryptContext, password: str',
    call: 'context.hash(password)',
    offloaded: 'context.hash, password',
  }),
  slowHash('passlib.context.CryptContext.verify', {
    what: 'recomputes the hash of the password to compare it',
    does: 'verifies a password on the event loop',
    imports: 'from passlib.context import CryptContext',
    params: 'context: CryptContext, password: str, stored: str',
    call: 'context.verify(password, stored)',
    offloaded: 'context.verify, password, stored',
  }),
  slowHash('passlib.context.CryptContext.verify_and_update', {
    what: 'recomputes the hash of the password to compare it, and rehashes it when the scheme is outdated',
    does: 'verifies a password on the event loop',
    imports: 'from passlib.context import CryptContext',
    params: 'context: CryptContext, password: str, stored: str',
    call: 'context.verify_and_update(password, stored)',
    offloaded: 'context.verify_and_update, password, stored',
  }),
  ...passlibScheme('bcrypt', 'bcrypt'),
  ...passlibScheme('bcrypt_sha256', 'bcrypt'),
  ...passlibScheme('argon2', 'Argon2'),
  ...passlibScheme('scrypt', 'scrypt'),
  ...passlibScheme('pbkdf2_sha256', 'PBKDF2-SHA256'),
  ...passlibScheme('pbkdf2_sha512', 'PBKDF2-SHA512'),
  ...passlibScheme('sha256_crypt', 'SHA256-crypt'),
  ...passlibScheme('sha512_crypt', 'SHA512-crypt'),

  // argon2-cffi.
  slowHash('argon2.PasswordHasher.hash', {
    what: 'runs Argon2id over the configured memory and time cost',
    does: 'hashes a password on the event loop',
    imports: 'from argon2 import PasswordHasher',
    params: 'hasher: PasswordHasher, password: str',
    call: 'hasher.hash(password)',
    offloaded: 'hasher.hash, password',
  }),
  slowHash('argon2.PasswordHasher.verify', {
    what: 'recomputes the Argon2 hash of the password to compare it',
    does: 'verifies a password on the event loop',
    imports: 'from argon2 import PasswordHasher',
    params: 'hasher: PasswordHasher, password: str, stored: str',
    call: 'hasher.verify(stored, password)',
    offloaded: 'hasher.verify, stored, password',
  }),
  ...['hash_password', 'hash_password_raw'].map((name) =>
    slowHash(`argon2.${name}`, {
      what: 'runs Argon2 over the given memory and time cost',
      does: 'hashes a password on the event loop',
      imports: 'import argon2',
      params: 'password: bytes',
      call: `argon2.${name}(password)`,
      offloaded: `argon2.${name}, password`,
    }),
  ),
  ...['hash_secret', 'hash_secret_raw'].map((name) =>
    slowHash(`argon2.low_level.${name}`, {
      what: 'runs Argon2 over the given memory and time cost',
      does: 'hashes a secret on the event loop',
      imports: 'from argon2 import low_level',
      params: 'secret: bytes, salt: bytes',
      call: `low_level.${name}(secret, salt, 3, 65536, 4, 32, low_level.Type.ID)`,
      offloaded: `low_level.${name}, secret, salt, 3, 65536, 4, 32, low_level.Type.ID`,
    }),
  ),

  // cryptography's key-derivation functions.
  ...(['derive', 'verify'] as const).map((method) =>
    slowHash(`cryptography.hazmat.primitives.kdf.pbkdf2.PBKDF2HMAC.${method}`, {
      what: `runs the configured number of PBKDF2 iterations${method === 'verify' ? ' to compare the result with the expected key' : ''}`,
      does: 'derives a key on the event loop',
      imports: 'from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC',
      params: 'kdf: PBKDF2HMAC, password: bytes, expected: bytes',
      call: method === 'derive' ? 'kdf.derive(password)' : 'kdf.verify(password, expected)',
      offloaded: method === 'derive' ? 'kdf.derive, password' : 'kdf.verify, password, expected',
    }),
  ),
  ...(['derive', 'verify'] as const).map((method) =>
    slowHash(`cryptography.hazmat.primitives.kdf.scrypt.Scrypt.${method}`, {
      what: `runs the memory-hard scrypt function${method === 'verify' ? ' to compare the result with the expected key' : ''}`,
      does: 'derives a key on the event loop',
      imports: 'from cryptography.hazmat.primitives.kdf.scrypt import Scrypt',
      params: 'kdf: Scrypt, password: bytes, expected: bytes',
      call: method === 'derive' ? 'kdf.derive(password)' : 'kdf.verify(password, expected)',
      offloaded: method === 'derive' ? 'kdf.derive, password' : 'kdf.verify, password, expected',
    }),
  ),

  // Framework password helpers.
  slowHash('werkzeug.security.generate_password_hash', {
    what: 'hashes the password with scrypt or PBKDF2 (hundreds of thousands of iterations by default)',
    does: 'hashes a password on the event loop',
    imports: 'from werkzeug.security import generate_password_hash',
    params: 'password: str',
    call: 'generate_password_hash(password)',
    offloaded: 'generate_password_hash, password',
  }),
  slowHash('werkzeug.security.check_password_hash', {
    what: 'recomputes the hash of the password to compare it',
    does: 'verifies a password on the event loop',
    imports: 'from werkzeug.security import check_password_hash',
    params: 'stored: str, password: str',
    call: 'check_password_hash(stored, password)',
    offloaded: 'check_password_hash, stored, password',
  }),
  slowHash('django.contrib.auth.hashers.make_password', {
    what: "hashes the password with the project's first hasher (PBKDF2 with about a million iterations by default)",
    does: 'hashes a password on the event loop',
    imports: 'from django.contrib.auth.hashers import make_password',
    params: 'password: str',
    call: 'make_password(password)',
    offloaded: 'make_password, password',
  }),
  slowHash('django.contrib.auth.hashers.check_password', {
    what: 'recomputes the hash of the password to compare it',
    does: 'verifies a password on the event loop',
    imports: 'from django.contrib.auth.hashers import check_password',
    params: 'password: str, stored: str',
    call: 'check_password(password, stored)',
    offloaded: 'check_password, password, stored',
  }),
];
