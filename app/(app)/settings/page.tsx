import { redirect } from "next/navigation";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";

export default async function SettingsIndex() {
  const user = await requireUser();
  redirect(can(user, "admin") ? "/settings/users" : "/settings/teams");
}
