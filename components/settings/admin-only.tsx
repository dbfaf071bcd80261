import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/current-user";

/** Admin pages answer 404 to everyone else; the procedures behind them refuse on their own too. */
export async function requireAdminPage(): Promise<void> {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
}
