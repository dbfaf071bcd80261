import { redirect } from "next/navigation";
import { requireUser } from "@/server/auth/current-user";

export default async function SettingsIndex() {
  const user = await requireUser();
  redirect(user.role === "admin" ? "/settings/users" : "/settings/teams");
}
