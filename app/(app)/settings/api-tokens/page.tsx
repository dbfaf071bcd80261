import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokensAdmin } from "@/components/settings/api-tokens/api-tokens-admin";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const user = await requireUser();
  await prefetch(trpc.apiTokens.list.queryOptions());
  const isAdmin = can(user, "admin");
  return (
    <section aria-labelledby="api-tokens-heading" className="grid min-w-0 grid-cols-1 gap-4">
      <h2 id="api-tokens-heading" className="text-lg font-semibold">
        API tokens
      </h2>
      <p className="text-sm text-muted-foreground">
        Tokens let scripts, CI and bots use the Daytwo API. Each token only does what its scopes allow, and what it does is recorded under its own name.{" "}
        {isAdmin
          ? "Workspace tokens keep working when the person who created them leaves; personal tokens never do more than their owner may. "
          : "Your personal tokens never do more than your role allows. "}
        <Link href="/api/docs" className="underline underline-offset-4">
          Read the API reference
        </Link>
        .
      </p>
      <HydrateClient>
        <ApiTokensAdmin isAdmin={isAdmin} role={user.role} />
      </HydrateClient>
    </section>
  );
}
