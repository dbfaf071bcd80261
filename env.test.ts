import { describe, expect, it } from "vitest";
import { checkEnv } from "@/env";

describe("environment check", () => {
  it("starts with no configuration at all", () => {
    const result = checkEnv({});
    expect(result).toMatchObject({ ok: true, env: { PORT: 3000, HOST: "127.0.0.1", DATA_DIR: ".data" } });
  });

  it("names the variable and the fix for a malformed DATABASE_URL", () => {
    expect(checkEnv({ DATABASE_URL: "mysql://x" })).toEqual({
      ok: false,
      message: "DATABASE_URL must be a URL like postgres://user:password@host:5432/database",
    });
  });

  it("names a bad port and a short secret", () => {
    expect(checkEnv({ PORT: "99999" })).toMatchObject({ ok: false, message: expect.stringMatching(/^PORT must be a port/) });
    expect(checkEnv({ AUTH_SECRET: "short" })).toMatchObject({ ok: false, message: expect.stringMatching(/^AUTH_SECRET must be at least 32/) });
  });

  it("checks the delivery lease: whole seconds from 1 to 3600, 60 when unset", () => {
    expect(checkEnv({})).toMatchObject({ ok: true, env: { DELIVERY_LEASE_SECONDS: 60 } });
    expect(checkEnv({ DELIVERY_LEASE_SECONDS: "2" })).toMatchObject({ ok: true, env: { DELIVERY_LEASE_SECONDS: 2 } });
    expect(checkEnv({ DELIVERY_LEASE_SECONDS: "0" })).toMatchObject({ ok: false, message: expect.stringMatching(/^DELIVERY_LEASE_SECONDS must be between 1 and 3600/) });
    expect(checkEnv({ DELIVERY_LEASE_SECONDS: "soon" })).toMatchObject({ ok: false, message: expect.stringMatching(/^DELIVERY_LEASE_SECONDS must be/) });
  });

  it("requires the OIDC variables together, and AUTH_URL with them", () => {
    expect(checkEnv({ OIDC_ISSUER: "https://id.example.com" })).toMatchObject({ ok: false, message: expect.stringMatching(/must be set together/) });
    const oidc = { OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "daytwo", OIDC_CLIENT_SECRET: "s3cret" };
    expect(checkEnv(oidc)).toMatchObject({ ok: false, message: expect.stringMatching(/^AUTH_URL must be set with OIDC/) });
    expect(checkEnv({ ...oidc, AUTH_URL: "https://daytwo.example.com" })).toMatchObject({ ok: true });
  });

  it("checks REDIS_URL and asks for PostgreSQL with it", () => {
    expect(checkEnv({ REDIS_URL: "127.0.0.1:6379", DATABASE_URL: "postgres://db/daytwo" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^REDIS_URL must be a URL like redis:\/\/host:6379/),
    });
    expect(checkEnv({ REDIS_URL: "redis://127.0.0.1:6379" })).toMatchObject({ ok: false, message: expect.stringMatching(/^REDIS_URL needs DATABASE_URL/) });
    expect(checkEnv({ REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: "postgres://db/daytwo" })).toMatchObject({ ok: true, env: { REDIS_PREFIX: "daytwo" } });
    expect(checkEnv({ REDIS_PREFIX: "a b" })).toMatchObject({ ok: false, message: expect.stringMatching(/^REDIS_PREFIX may only hold/) });
  });

  it("treats empty values as unset", () => {
    expect(checkEnv({ DATABASE_URL: "", PORT: "" })).toMatchObject({ ok: true, env: { PORT: 3000 } });
  });
});
