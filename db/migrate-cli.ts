// npm run db:migrate — applies db/migrations to the configured database.
import { migrateDatabase } from "./migrate";
import { exitWithMessage, openDatabaseFromEnv } from "./open-from-env";

try {
  const database = await openDatabaseFromEnv();
  await migrateDatabase(database);
  await database.close();
  console.log(`Migrations applied (${database.engine}).`);
} catch (error) {
  exitWithMessage(error);
}
