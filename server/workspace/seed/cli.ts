// npm run db:seed — migrates, then creates the demo workspace (and its history) if the database has no users yet.
import { migrateDatabase } from "@/db/migrate";
import { exitWithMessage, openDatabaseFromEnv } from "@/db/open-from-env";
import { DEMO_PASSWORD, demoUsers, seedDemoWorkspace } from "./demo-workspace";
import { seedDemoHistory } from "./history";

try {
  const database = await openDatabaseFromEnv();
  await migrateDatabase(database);
  const { seeded } = await seedDemoWorkspace(database.db);
  if (seeded) await seedDemoHistory(database.db);
  await database.close();
  if (!seeded) console.log("The database already has users; the demo workspace was not added.");
  else console.log(`Demo workspace created. Sign in as ${demoUsers.map((u) => u.email).join(", ")} with password ${DEMO_PASSWORD}.`);
} catch (error) {
  exitWithMessage(error);
}
