import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Does the write-ahead log hold committed transactions that SQLite will not replay?
 *
 * On open SQLite replays the WAL frame by frame and stops, silently, at the first frame whose
 * checksum does not match (https://www.sqlite.org/fileformat2.html#walformat): every commit after
 * it is dropped, and the store it opens is consistent, so integrity_check says "ok" while
 * acknowledged work is gone. A torn *last* transaction is normal after a crash (it was never
 * acknowledged: synchronous=FULL acknowledges only after the WAL is synced); a bad frame followed
 * by frames of the same WAL generation (same salts) that still chain to its recorded checksum, up
 * to a commit, is damage. This reads the file itself
 * (header and frame headers are plain even in an encrypted store) and says which, before any
 * connection opens it. Returns a description of the damage, or null.
 */
export function walProblem(databasePath: string): string | null {
  const path = `${databasePath}-wal`;
  if (!existsSync(path)) return null;
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < 32) return null;
    const header = Buffer.alloc(32);
    readSync(fd, header, 0, 32, 0);
    const magic = header.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return null; // Not a WAL SQLite would use.
    const bigEndian = magic === 0x377f0683;
    const pageSize = header.readUInt32BE(8) === 1 ? 65536 : header.readUInt32BE(8);
    const salts = [header.readUInt32BE(16), header.readUInt32BE(20)];
    let [s0, s1] = checksum(header.subarray(0, 24), 0, 0, bigEndian);
    // A header whose own checksum fails makes SQLite ignore the whole log.
    const headerOk = s0 === header.readUInt32BE(24) && s1 === header.readUInt32BE(28);
    const frameSize = 24 + pageSize;
    const frame = Buffer.alloc(frameSize);
    let brokenAt: number | null = headerOk ? null : 0;
    let committedAfterBreak = 0;
    for (let index = 0, offset = 32; offset + frameSize <= size; index++, offset += frameSize) {
      readSync(fd, frame, 0, frameSize, offset);
      const sameGeneration = frame.readUInt32BE(8) === salts[0] && frame.readUInt32BE(12) === salts[1];
      if (!sameGeneration) {
        // Frames of an earlier generation (the log was reset and reused): SQLite's replay ends here.
        if (brokenAt === null) break;
        continue;
      }
      const isCommit = frame.readUInt32BE(4) !== 0;
      [s0, s1] = checksum(frame.subarray(0, 8), s0, s1, bigEndian);
      [s0, s1] = checksum(frame.subarray(24), s0, s1, bigEndian);
      const valid = s0 === frame.readUInt32BE(16) && s1 === frame.readUInt32BE(20);
      if (brokenAt === null) {
        if (!valid) brokenAt = index;
      } else if (valid) {
        if (isCommit) committedAfterBreak++;
      } else break;
      // Past a bad frame the chain goes on from the checksum that frame recorded: if later frames
      // validate against it, they were written after it in one sequence, i.e. the bad frame was
      // damaged after it was written. Frames left over from a transaction that a later one
      // overwrote do not chain this way, so they are never taken for lost commits.
      if (brokenAt !== null) [s0, s1] = [frame.readUInt32BE(16), frame.readUInt32BE(20)];
    }
    if (brokenAt === null || committedAfterBreak === 0) return null;
    return `the write-ahead log is damaged at frame ${brokenAt}: ${committedAfterBreak} committed transaction(s) after it cannot be replayed`;
  } finally {
    closeSync(fd);
  }
}

/** SQLite's WAL checksum: 32-bit words in pairs, the byte order given by the magic number. */
function checksum(data: Buffer, s0: number, s1: number, bigEndian: boolean): [number, number] {
  let a = s0;
  let b = s1;
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    a = (a + x0 + b) >>> 0;
    b = (b + x1 + a) >>> 0;
  }
  return [a, b];
}
