// A multiple of 3 so every chunk but the last encodes without padding and the chunks concatenate.
const chunkBytes = 3 * 8192;

/**
 * Base64 of any size. `String.fromCharCode(...bytes)` on a whole file overflows the call stack,
 * and one huge binary string doubles peak memory, so encode in bounded chunks.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    const chunk = bytes.subarray(start, start + chunkBytes);
    let binary = '';
    for (let i = 0; i < chunk.length; i++) binary += String.fromCharCode(chunk[i] as number);
    parts.push(btoa(binary));
  }
  return parts.join('');
}
