// Several app instances on one PostgreSQL serve the same document through Redis pub/sub
// (@hocuspocus/extension-redis): updates and awareness (cursors, who is here) cross instances.
import { Redis } from "@hocuspocus/extension-redis";

type RedisOptions = NonNullable<ConstructorParameters<typeof Redis>[0]["options"]>;

/** Host, port and options for the extension from a redis:// or rediss:// URL. */
export function redisConnection(url: string): { host: string; port: number; options: RedisOptions } {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.slice(1) || 0);
  return {
    host: parsed.hostname || "127.0.0.1",
    port: Number(parsed.port || 6379),
    options: {
      username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      db: Number.isInteger(db) ? db : 0,
      ...(parsed.protocol === "rediss:" ? { tls: {} } : {}),
    },
  };
}

export function createRedisExtension(url: string, prefix: string): Redis {
  return new Redis({ ...redisConnection(url), prefix: `${prefix}:collab` });
}

/** Resolves once Redis answers a PING; rejects with a one-line reason after `timeoutMs`. */
export async function pingRedis(extension: Redis, timeoutMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([extension.pub.ping(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
