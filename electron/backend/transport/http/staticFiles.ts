import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/**
 * The decoded request path, or null when it tries to leave the renderer folder or is malformed:
 * dot segments (also percent-encoded ones, which WHATWG URL parsing would silently normalise
 * away), backslashes (Windows separators), NUL bytes and bad escapes are all refused outright
 * rather than cleaned up, so nothing that looks like traversal ever reaches the file system.
 */
export function safeRequestPath(rawPath: string): string | null {
  if (!rawPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  for (const candidate of [rawPath, decoded]) {
    if (candidate.includes('\\') || candidate.includes('\0')) return null;
    if (candidate.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  }
  return decoded;
}

/** True when `target` is `root` itself or lies inside it (compared on whole path segments). */
export function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
}

export type StaticLookup = { kind: 'file'; path: string; size: number } | { kind: 'spa' } | { kind: 'missing' };

/**
 * Finds the file for a safe request path. Paths without an extension that match no file are
 * client-side routes and get index.html; a missing file with an extension is a real 404.
 */
export async function lookupStatic(root: string, requestPath: string): Promise<StaticLookup> {
  const target = resolve(root, `.${requestPath}`);
  if (!isInside(root, target)) return { kind: 'missing' };
  const looksLikeFile = extname(requestPath) !== '';
  try {
    const info = await stat(target);
    if (!info.isFile()) return looksLikeFile ? { kind: 'missing' } : { kind: 'spa' };
    // A symlink inside the folder could still point outside it.
    const real = await realpath(target);
    if (!isInside(await realpath(root), real)) return { kind: 'missing' };
    return { kind: 'file', path: real, size: info.size };
  } catch {
    return looksLikeFile ? { kind: 'missing' } : { kind: 'spa' };
  }
}

export function streamFile(path: string): NodeJS.ReadableStream {
  return createReadStream(path);
}
