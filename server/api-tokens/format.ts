// The token format, after GitHub's: a readable prefix so people and secret scanners know what leaked,
// a random body, and a CRC32 checksum of the body so a scanner (and this server) can reject a
// mistyped or made-up token without asking the database.
import { createHash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

export const API_TOKEN_PREFIX = "dt_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BODY_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
const SHAPE = new RegExp(`^${API_TOKEN_PREFIX}[0-9A-Za-z]{${BODY_LENGTH + CHECKSUM_LENGTH}}$`);

function base62(value: number, length: number): string {
  let out = "";
  for (let rest = value; out.length < length; rest = Math.floor(rest / 62)) out = ALPHABET[rest % 62] + out;
  return out;
}

const checksum = (body: string) => base62(crc32(body), CHECKSUM_LENGTH);

/** A new token; only `hash` is stored, `prefix` is shown in lists. */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
  let body = "";
  while (body.length < BODY_LENGTH) {
    for (const byte of randomBytes(BODY_LENGTH)) if (byte < 248 && body.length < BODY_LENGTH) body += ALPHABET[byte % 62];
  }
  const token = `${API_TOKEN_PREFIX}${body}${checksum(body)}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}

export const hashApiToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** True when the text has the token's shape and its checksum matches. */
export function isWellFormedApiToken(token: string): boolean {
  if (!SHAPE.test(token)) return false;
  const body = token.slice(API_TOKEN_PREFIX.length, API_TOKEN_PREFIX.length + BODY_LENGTH);
  return token.endsWith(checksum(body));
}
