import pg from "pg";

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A client on the server's maintenance database, for CREATE/DROP DATABASE. */
export async function adminUrl(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await client.connect();
  return client;
}

export async function dropRunDatabases(admin: pg.Client, runId: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${runId}%`]);
  for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
}
