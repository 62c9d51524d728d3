import type { CallerRow } from "./store";

type Entry = { row: CallerRow | null; apiKeyId: string | null };

export type CallerCache = {
  /** The caller for an access token: from memory while the database is unchanged, else `load`. */
  read(clientId: string, accessTokenHash: string, load: () => CallerRow | null): CallerRow | null;
  /** Drops what was read for one key, after this process wrote to its rows. */
  forgetKey(apiKeyId: string | null): void;
};

/**
 * Caller rows by (client id, access-token hash), least recently used first out.
 *
 * Revocation must stay exact: a key or token revoked anywhere fails the very next call. So every
 * read first asks `changeMark` whether any other database connection, in this process or another,
 * has committed since the last read; if so, everything is dropped. Writes this process makes
 * itself are not seen that way, so its writers call `forgetKey` for each key they touch.
 */
export function createCallerCache(capacity: number, changeMark: () => number): CallerCache {
  const entries = new Map<string, Entry>();
  const byKey = new Map<string, Set<string>>();
  let seenMark: number | undefined;

  const unlink = (id: string, entry: Entry) => {
    const ids = entry.apiKeyId === null ? undefined : byKey.get(entry.apiKeyId);

    ids?.delete(id);

    if (ids?.size === 0 && entry.apiKeyId !== null) {
      byKey.delete(entry.apiKeyId);
    }
  };

  const remember = (id: string, row: CallerRow | null) => {
    const entry = { row: row && Object.freeze(row), apiKeyId: row?.apiKeyId ?? null };

    entries.set(id, entry);

    if (entry.apiKeyId !== null) {
      const ids = byKey.get(entry.apiKeyId) ?? new Set<string>();

      byKey.set(entry.apiKeyId, ids.add(id));
    }

    if (entries.size > capacity) {
      const [oldest] = entries;

      if (oldest) {
        entries.delete(oldest[0]);
        unlink(...oldest);
      }
    }

    return entry.row;
  };

  return {
    read(clientId, accessTokenHash, load) {
      if (capacity === 0) {
        return load();
      }

      const mark = changeMark();

      if (mark !== seenMark) {
        entries.clear();
        byKey.clear();
        seenMark = mark;
      }

      // The hash has a fixed length, so hash + client id cannot collide with another pair.
      const id = accessTokenHash + clientId;
      const hit = entries.get(id);

      if (!hit) {
        return remember(id, load());
      }

      entries.delete(id);
      entries.set(id, hit);

      return hit.row;
    },
    forgetKey(apiKeyId) {
      if (apiKeyId === null) {
        entries.clear();
        byKey.clear();

        return;
      }

      for (const id of byKey.get(apiKeyId) ?? []) {
        entries.delete(id);
      }

      byKey.delete(apiKeyId);
    },
  };
}
