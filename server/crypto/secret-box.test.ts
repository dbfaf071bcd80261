import { afterEach, describe, expect, it, vi } from "vitest";
import { open, seal } from "./secret-box";

const AUTH = "a".repeat(40);
const KEY = "k".repeat(40);
afterEach(() => vi.unstubAllEnvs());

describe("the secret box", () => {
  it("seals under AUTH_SECRET by default, and nothing in the sealed value shows the secret", () => {
    vi.stubEnv("AUTH_SECRET", AUTH);
    const sealed = seal("https://hooks.slack.com/services/T000/B000/XXXX");
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain("hooks.slack.com");
    expect(open(sealed)).toBe("https://hooks.slack.com/services/T000/B000/XXXX");
  });

  it("seals under ENCRYPTION_KEY once it is set, and still opens what AUTH_SECRET sealed before", () => {
    vi.stubEnv("AUTH_SECRET", AUTH);
    const before = seal("old secret");
    vi.stubEnv("ENCRYPTION_KEY", KEY);
    const after = seal("new secret");
    expect(after).toMatch(/^v2:/);
    expect(open(before)).toBe("old secret");
    expect(open(after)).toBe("new secret");
  });

  it("opens nothing with the wrong key or a tampered value", () => {
    vi.stubEnv("ENCRYPTION_KEY", KEY);
    const sealed = seal("secret");
    vi.stubEnv("ENCRYPTION_KEY", "z".repeat(40));
    expect(open(sealed)).toBeNull();
    vi.stubEnv("ENCRYPTION_KEY", KEY);
    const [version, iv, tag, body] = sealed.split(":");
    expect(open([version, iv, tag, `${body!.slice(0, -2)}AA`].join(":"))).toBeNull();
    expect(open("v9:x:y:z")).toBeNull();
  });
});
