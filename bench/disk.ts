import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the extension's database did on disk in a span of time, read from the log Chromium's
 * IndexedDB store (LevelDB) keeps beside its files. Two things decide how fast reads of a big
 * base are: compactions rewriting files while lookups read them, and the store being reopened
 * (after every connection closed), which starts its caches of open files cold.
 */
export interface DiskActivity {
  compactions: number;
  compactedMb: number;
  /** Opens of the store; a reopen renames the log, so at most the last two are seen. */
  opens: number;
}

// "2026/12/02-18:28:36.717 eb8 Compacted 1@2 + 13@3 files => 22991065 bytes", in local time.
const LINE = /^(\d{4})\/(\d\d)\/(\d\d)-(\d\d):(\d\d):(\d\d)\.(\d{3}) \S+ (.*)$/;

/** The store's log lines with their times (ms), oldest first. */
function logLines(profileDir: string, extensionId: string): { at: number; text: string }[] {
  const dir = join(profileDir, 'Default', 'IndexedDB', `chrome-extension_${extensionId}_0.indexeddb.leveldb`);
  const lines: { at: number; text: string }[] = [];
  for (const file of ['LOG.old', 'LOG'].map((name) => join(dir, name)).filter(existsSync)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const m = LINE.exec(line);
      if (!m) continue;
      const [year, month, day, hour, minute, second, ms] = m.slice(1, 8).map(Number) as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      lines.push({ at: new Date(year, month - 1, day, hour, minute, second, ms).getTime(), text: m[8]! });
    }
  }
  return lines;
}

const COMPACTED = /^Compacted .* => (\d+) bytes/;

export function diskActivity(
  profileDir: string,
  extensionId: string,
  from: number,
  to: number,
): DiskActivity {
  const activity: DiskActivity = { compactions: 0, compactedMb: 0, opens: 0 };
  for (const { at, text } of logLines(profileDir, extensionId)) {
    if (at < from || at > to) continue;
    const compacted = COMPACTED.exec(text);
    if (compacted) {
      activity.compactions++;
      activity.compactedMb += Number(compacted[1]) / 2 ** 20;
    } else if (text.startsWith('Reusing MANIFEST')) activity.opens++;
  }
  return activity;
}

/** When the store last finished a compaction; 0 when its log shows none. */
export function lastCompaction(profileDir: string, extensionId: string): number {
  let last = 0;
  for (const { at, text } of logLines(profileDir, extensionId))
    if (COMPACTED.test(text)) last = Math.max(last, at);
  return last;
}

export const describeActivity = (a: DiskActivity) =>
  `${a.compactions} compactions (${a.compactedMb.toFixed(0)} MB rewritten)${a.opens ? `, store opened ${a.opens}×` : ''}`;
