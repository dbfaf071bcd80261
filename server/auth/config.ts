import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { isOidcEnabled, serverEnv } from "@/env";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { logger } from "@/server/log";
import { verifiedOidcIdentity } from "./oidc-identity";
import { findOrCreateOidcUser } from "./oidc-user";
import { createSession, endSession, loadSignedInUser, SESSION_MAX_AGE_SECONDS, type SignedInUser } from "./sessions";
import { verifyCredentials } from "./verify-credentials";

declare module "next-auth" {
  // Module augmentation only works with an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Session {
    // The account as stored now (role, active), re-read on every request; null once its session ended.
    account: SignedInUser | null;
  }
}

// The code travels to the sign-in form; it never says whether the email exists.
export class SignInRefused extends CredentialsSignin {
  override code = "refused";
}
export class SignInThrottled extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `throttled:${retryAfterSeconds}`;
  }
}

const credentialsInput = z.object({ email: z.email(), password: z.string().min(1).max(200) });

function oidcProvider(): NextAuthConfig["providers"] {
  if (!isOidcEnabled()) return [];
  const env = serverEnv();
  return [
    {
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oidc",
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      checks: ["pkce", "state", "nonce"],
    },
  ];
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // Refused sign-ins are expected traffic, not errors worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      // Auth.js wraps the real failure (provider, network, callback) in `cause`.
      const cause = (error as Error & { cause?: { err?: unknown } }).cause;
      logger.error({ err: error, cause: cause?.err ?? cause }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new SignInRefused();
        const ip = request.headers.get("x-daytwo-client-ip");
        const result = await verifyCredentials(await getDb(), { ...parsed.data, ip });
        if (result.outcome === "throttled") throw new SignInThrottled(result.retryAfterSeconds);
        if (result.outcome === "refused") throw new SignInRefused();
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    async signIn({ account, profile, user }) {
      if (account?.provider !== "oidc") return true;
      const identity = await verifiedOidcIdentity({ claims: profile, accessToken: account.access_token, issuer: serverEnv().OIDC_ISSUER ?? "" });
      if (!identity) return "/sign-in?error=unverified_email";
      const local = await findOrCreateOidcUser(await getDb(), identity);
      if (!local) return "/sign-in?error=deactivated";
      user.id = local.id;
      return true;
    },
    // Auth.js's own default accepts any `/…` string; every redirect it makes goes through the same rule
    // as the sign-in form instead.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeRedirectPath(url, baseUrl)}`;
    },
    async jwt({ token, user }) {
      // At sign-in only (`user` is set then): the cookie names a server-side session, which sign-out ends.
      if (user?.id) {
        token.sub = user.id;
        token.sid = await createSession(await getDb(), user.id);
      }
      return token;
    },
    async session({ session, token }) {
      // A deactivated or deleted account, or an ended session, loses access on its next request.
      return { ...session, account: await loadSignedInUser(token.sub, token.sid) };
    },
  },
  events: {
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sid : undefined;
      if (typeof sessionId === "string") await endSession(await getDb(), sessionId);
    },
  },
});
