import { randomBytes } from "node:crypto";
import fs from "node:fs";

/** Writes what a local production start needs into .env once: a fresh secret and the URL. */
const file = ".env";
let content = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
const additions: string[] = [];

if (!/^NEXTAUTH_SECRET=/m.test(content)) {
  additions.push(`NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}`);
}

if (!/^NEXTAUTH_URL=/m.test(content)) {
  additions.push(`NEXTAUTH_URL=http://localhost:${process.env.PORT ?? 3000}`);
}

if (additions.length === 0) {
  console.log(".env has NEXTAUTH_SECRET and NEXTAUTH_URL already.");
} else {
  content += (content && !content.endsWith("\n") ? "\n" : "") + `${additions.join("\n")}\n`;
  fs.writeFileSync(file, content, { mode: 0o600 });
  console.log(`Wrote ${additions.map((line) => line.split("=")[0]).join(" and ")} to .env.`);
}
