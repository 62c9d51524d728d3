import { randomBytes } from "node:crypto";
import fs from "node:fs";

/** Writes .env with a fresh NEXTAUTH_SECRET once, so a production start has its secret. */
const file = ".env";
const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";

if (/^NEXTAUTH_SECRET=/m.test(current)) {
  console.log(".env has a NEXTAUTH_SECRET already.");
} else {
  const line = `NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}\n`;

  fs.writeFileSync(file, current + (current && !current.endsWith("\n") ? "\n" : "") + line, {
    mode: 0o600,
  });
  console.log("Wrote a new NEXTAUTH_SECRET to .env.");
}
