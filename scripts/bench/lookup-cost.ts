// `npm run bench:lookups`: CPU per verification lookup through the raw driver, by dataset size
// and page-cache setting, with no HTTP and no writes (see docs/benchmarks.md).
import Database from "better-sqlite3";

import { SQLITE_STATEMENTS, VERIFY_CACHE_PRAGMA } from "../../lib/api-access/sqlite-store";
import { hashSecret } from "../../lib/secrets";
import { credentialsOf, sampleLayout } from "./credentials";
import { ensureDataset } from "./dataset";

const LOOKUPS = 100_000;
const ROUNDS = 3;

function sizes(): number[] {
  const arg = process.argv.find((each) => each.startsWith("--scales="));

  return (arg?.slice("--scales=".length) ?? "1000,1000000").split(",").map(Number);
}

function measure(keyCount: number): void {
  const { file } = ensureDataset(keyCount);
  const layout = sampleLayout(keyCount);
  const calls = Array.from({ length: layout.size }, (_, index) => {
    const credentials = credentialsOf(layout.validIndex(index));

    return [hashSecret(credentials.accessToken), credentials.clientId] as const;
  });
  const statement = (pragma: string | null) => {
    const connection = new Database(file, { readonly: true });

    if (pragma) {
      connection.pragma(pragma);
    }

    return connection.prepare(SQLITE_STATEMENTS.callerByAccess);
  };
  const variants = [
    { name: "SQLite's default cache (2 MB)", lookup: statement(null) },
    { name: `the server's (${VERIFY_CACHE_PRAGMA})`, lookup: statement(VERIFY_CACHE_PRAGMA) },
  ];
  const run = (lookup: Database.Statement, count: number) => {
    for (let index = 0; index < count; index += 1) {
      // A prime stride visits the sample in an order unrelated to where its rows are stored.
      if (!lookup.get(...(calls[(index * 7919) % calls.length] ?? []))) {
        throw new Error(`A sample key of the ${keyCount}-key dataset was not found.`);
      }
    }
  };

  variants.forEach(({ lookup }) => run(lookup, calls.length * 10));

  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const { name, lookup } of variants) {
      const before = process.cpuUsage();

      run(lookup, LOOKUPS);

      const used = process.cpuUsage(before);
      const perLookup = (used.user + used.system) / LOOKUPS;

      console.log(`${keyCount} keys, round ${round}, ${name}: ${perLookup.toFixed(2)} µs`);
    }
  }
}

sizes().forEach(measure);
