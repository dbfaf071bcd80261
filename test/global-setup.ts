// Migrates one template database per run; each test file then gets its own copy of it.
// PostgreSQL (DATABASE_URL set): CREATE DATABASE … TEMPLATE, all dropped at the end.
// PGlite: one migrated in-memory database dumped to a tarball, loaded per file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { adminUrl, dropRunDatabases, withDatabaseName } from "./postgres-admin";

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    engine: "postgres" | "pglite";
    templateName: string;
    pgliteDump: string;
    runId: string;
  }
}

export default async function setup(project: TestProject) {
  const runId = `daytwo_t${process.pid}_${Date.now().toString(36)}`;
  const url = process.env.DATABASE_URL;
  project.provide("runId", runId);
  if (url) {
    const templateName = `${runId}_tmpl`;
    const admin = await adminUrl(url);
    await admin.query(`create database "${templateName}"`);
    const template = await openDatabase({ engine: "postgres", url: withDatabaseName(url, templateName), max: 2 });
    await migrateDatabase(template);
    await template.close();
    project.provide("engine", "postgres");
    project.provide("templateName", templateName);
    project.provide("pgliteDump", "");
    return async () => {
      await dropRunDatabases(admin, runId);
      await admin.end();
    };
  }
  const memory = await openDatabase({ engine: "pglite", inMemory: true });
  await migrateDatabase(memory);
  if (memory.driver.kind !== "pglite") throw new Error("expected PGlite");
  const dump = await memory.driver.client.dumpDataDir("gzip");
  await memory.close();
  const dumpPath = path.join(os.tmpdir(), `${runId}.tar.gz`);
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("engine", "pglite");
  project.provide("templateName", "");
  project.provide("pgliteDump", dumpPath);
  return () => fs.rmSync(dumpPath, { force: true });
}
