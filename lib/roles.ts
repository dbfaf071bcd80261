// Roles as the browser sees them; the tuple lives beside the schema, in a file free of drizzle.
export { userRoles, type UserRole } from "@/db/enums";
