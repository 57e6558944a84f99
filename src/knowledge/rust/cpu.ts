// Obviously heavy inline work: password hashing and key derivation, which are slow on purpose,
// and image processing. Each call keeps the runtime worker busy for tens of milliseconds or more.

import { type BlockingEntry, type Entry, type } from '../entry.js';
import { blockingInAsyncFn, offloaded } from './authoring.js';

function heavy(id: string, o: { match: readonly string[]; why: string; does: string; params: string; bad: string; good: string; category?: 'cpu' | 'file-io'; useInstead?: readonly string[] }): BlockingEntry {
  const signature = `async fn handle(${o.params}) -> Result<(), Box<dyn std::error::Error + Send + Sync>>`;
  const useInstead = o.useInstead ?? offloaded(o.bad.replace(/^let _\w+ = /, '').replace(/\?$/, ''));
  return blockingInAsyncFn(id, o.category ?? 'cpu', { ...o, useInstead }, { bad: signature, good: signature, result: true });
}

const HASH = 'hashes a password (deliberately slow)';

/** Where rayon's parallel iterators come from, on the types whose values the analysis can see. */
const PAR_SOURCES = ['std.vec.Vec', 'std.collections.HashMap', 'std.collections.HashSet', 'std.collections.BTreeMap', 'std.collections.VecDeque'].flatMap((t) =>
  ['par_iter', 'par_iter_mut', 'into_par_iter', 'par_chunks', 'par_bridge'].map((m) => `${t}.${m}`),
);
const PAR = 'rayon.iter.ParallelIterator';

export const entries: readonly Entry[] = [
  // rayon: the parallel work runs on the pool, but the caller blocks until all of it is done.
  heavy('rayon.iter.ParallelIterator.collect', {
    match: ['collect', 'sum', 'product', 'for_each', 'reduce', 'count', 'min', 'max', 'min_by_key', 'max_by_key', 'any', 'all', 'find_any', 'find_first', 'try_for_each', 'fold'].map((m) => `${PAR}.${m}`),
    why: "A rayon parallel iterator's consuming method (collect, sum, for_each...) splits the work over rayon's pool and blocks the calling thread until every item is done.",
    does: 'runs parallel work and waits for it',
    params: 'values: Vec<u64>',
    bad: 'let _total: u64 = values.par_iter().map(|v| v * 2).sum()',
    good: 'let _total: u64 = tokio::task::spawn_blocking(move || values.iter().map(|v| v * 2).sum::<u64>()).await?',
    useInstead: [
      'tokio::task::spawn_blocking(move || values.par_iter().map(f).collect::<Vec<_>>()).await?',
      'rayon::spawn the work and await the result over a tokio::sync::oneshot channel',
    ],
  }),
  heavy('rayon.join', {
    match: ['rayon.join', 'rayon.scope', 'rayon.in_place_scope', 'rayon.ThreadPool.install', 'rayon.ThreadPool.join', 'rayon.ThreadPool.scope'],
    why: 'rayon::join, scope and ThreadPool::install run work on the pool and block the calling thread until all of it has finished.',
    does: 'runs parallel work and waits for it',
    params: 'left: Vec<u64>, right: Vec<u64>',
    bad: 'let (_a, _b) = rayon::join(|| left.len(), || right.len())',
    good: 'let (_a, _b) = tokio::task::spawn_blocking(move || rayon::join(|| left.len(), || right.len())).await?',
    useInstead: ['tokio::task::spawn_blocking(move || rayon::join(a, b)).await?', 'rayon::spawn and await a tokio::sync::oneshot reply'],
  }),
  type({ id: 'rust:std.vec.Vec.par_iter', match: PAR_SOURCES, returns: PAR }),
  type({
    id: 'rust:rayon.iter.ParallelIterator.map',
    match: ['map', 'filter', 'filter_map', 'flat_map', 'map_with', 'map_init', 'enumerate', 'zip', 'cloned', 'copied', 'chunks', 'with_min_len', 'with_max_len', 'inspect', 'rev', 'skip', 'take', 'update'].map((m) => `${PAR}.${m}`),
    returns: PAR,
  }),

  heavy('bcrypt.hash', {
    match: ['bcrypt.hash', 'bcrypt.hash_with_salt', 'bcrypt.hash_with_result', 'bcrypt.non_truncating_hash'],
    why: 'bcrypt::hash runs 2^cost rounds of the Blowfish key schedule (hundreds of milliseconds at the default cost) on the calling thread.',
    does: HASH,
    params: 'password: String',
    bad: 'let _hash = bcrypt::hash(&password, bcrypt::DEFAULT_COST)?',
    good: 'let _hash = tokio::task::spawn_blocking(move || bcrypt::hash(&password, bcrypt::DEFAULT_COST)).await??',
  }),
  heavy('bcrypt.verify', {
    match: ['bcrypt.verify', 'bcrypt.non_truncating_verify'],
    why: 'bcrypt::verify hashes the candidate password at the stored cost, as slowly as bcrypt::hash, on the calling thread.',
    does: 'verifies a password hash (deliberately slow)',
    params: 'password: String, hash: String',
    bad: 'let _ok = bcrypt::verify(&password, &hash)?',
    good: 'let _ok = tokio::task::spawn_blocking(move || bcrypt::verify(&password, &hash)).await??',
  }),
  heavy('argon2.Argon2.hash_password', {
    match: ['argon2.Argon2.hash_password', 'argon2.Argon2.hash_password_into', 'argon2.PasswordHasher.hash_password', 'password_hash.PasswordHasher.hash_password', 'argon2.hash_encoded', 'argon2.hash_raw'],
    why: 'Argon2 hashing is memory-hard by design: it fills and mixes megabytes of memory over several passes on the calling thread.',
    does: HASH,
    params: 'password: String, salt: argon2::password_hash::SaltString',
    bad: 'let _hash = argon2::Argon2::default().hash_password(password.as_bytes(), &salt)?.to_string()',
    good: 'let _hash = tokio::task::spawn_blocking(move || argon2::Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())).await?',
  }),
  heavy('argon2.Argon2.verify_password', {
    match: ['argon2.Argon2.verify_password', 'argon2.PasswordVerifier.verify_password', 'password_hash.PasswordVerifier.verify_password', 'argon2.verify_encoded', 'argon2.verify_raw'],
    why: 'Verifying an Argon2 hash recomputes the memory-hard hash on the calling thread.',
    does: 'verifies a password hash (deliberately slow)',
    params: 'password: String, parsed: argon2::PasswordHash<\'static>',
    bad: 'argon2::Argon2::default().verify_password(password.as_bytes(), &parsed)?',
    good: 'tokio::task::spawn_blocking(move || argon2::Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok()).await?',
  }),
  heavy('scrypt.scrypt', {
    match: ['scrypt.scrypt', 'scrypt.Scrypt.hash_password', 'scrypt.Scrypt.verify_password', 'scrypt.scrypt_simple', 'scrypt.scrypt_check'],
    why: 'scrypt is a memory-hard key derivation function: it runs for tens to hundreds of milliseconds on the calling thread.',
    does: 'derives a key (deliberately slow)',
    params: 'password: String, salt: Vec<u8>, mut key: Vec<u8>, params: scrypt::Params',
    bad: 'scrypt::scrypt(password.as_bytes(), &salt, &params, &mut key)?',
    good: 'tokio::task::spawn_blocking(move || scrypt::scrypt(password.as_bytes(), &salt, &params, &mut key)).await??',
  }),
  heavy('pbkdf2.pbkdf2_hmac', {
    match: ['pbkdf2.pbkdf2', 'pbkdf2.pbkdf2_hmac', 'pbkdf2.pbkdf2_hmac_array', 'pbkdf2.Pbkdf2.hash_password', 'ring.pbkdf2.derive', 'ring.pbkdf2.verify'],
    why: 'PBKDF2 iterates an HMAC hundreds of thousands of times on the calling thread.',
    does: 'derives a key (deliberately slow)',
    params: 'password: String, salt: Vec<u8>, mut key: [u8; 32]',
    bad: 'pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password.as_bytes(), &salt, 600_000, &mut key)',
    good: 'key = tokio::task::spawn_blocking(move || pbkdf2::pbkdf2_hmac_array::<sha2::Sha256, 32>(password.as_bytes(), &salt, 600_000)).await?',
  }),
  heavy('image.DynamicImage.resize', {
    match: ['resize', 'resize_exact', 'resize_to_fill', 'thumbnail', 'thumbnail_exact', 'blur', 'fast_blur', 'unsharpen', 'rotate90', 'filter3x3'].map((m) => `image.DynamicImage.${m}`).concat(['image.imageops.resize', 'image.imageops.blur', 'image.load_from_memory']),
    why: 'Resampling or filtering an image touches every pixel, often several times: milliseconds to seconds of work on the calling thread.',
    does: 'processes an image',
    params: 'img: image::DynamicImage',
    bad: 'let _thumb = img.resize(256, 256, image::imageops::FilterType::Lanczos3)',
    good: 'let _thumb = tokio::task::spawn_blocking(move || img.resize(256, 256, image::imageops::FilterType::Lanczos3)).await?',
  }),
  heavy('image.open', {
    match: ['image.open', 'image.DynamicImage.save', 'image.ImageBuffer.save', 'image.io.Reader.open', 'image.ImageReader.open', 'image.ImageReader.decode', 'image.io.Reader.decode'],
    category: 'file-io',
    why: 'image::open and save read or write the image file and decode or encode it on the calling thread.',
    does: 'reads or writes an image file',
    params: 'path: String',
    bad: 'let _img = image::open(&path)?',
    good: 'let bytes = tokio::fs::read(&path).await?; let _img = tokio::task::spawn_blocking(move || image::load_from_memory(&bytes)).await??',
    useInstead: ['tokio::task::spawn_blocking(move || image::open(path)).await??', 'tokio::fs::read(path).await? and decode with image::load_from_memory inside spawn_blocking'],
  }),
  heavy('zstd.encode_all', {
    match: ['zstd.encode_all', 'zstd.decode_all', 'zstd.stream.encode_all', 'zstd.stream.decode_all', 'zstd.bulk.compress', 'zstd.bulk.decompress'],
    why: 'zstd::encode_all and decode_all compress or decompress the whole input in one call on the calling thread.',
    does: 'compresses data inline',
    params: 'data: Vec<u8>',
    bad: 'let _packed = zstd::encode_all(&data[..], 19)?',
    good: 'let _packed = tokio::task::spawn_blocking(move || zstd::encode_all(&data[..], 19)).await??',
  }),
];
