import { describe, expect, it } from "vitest";
import { isAllowedLink, normalizeLink } from "./allowed-link";

describe("links a person types", () => {
  it("keeps web and mail addresses, adding the scheme people leave out", () => {
    expect(normalizeLink(" https://status.example.com/incidents ")).toBe("https://status.example.com/incidents");
    expect(normalizeLink("grafana.internal/d/abc")).toBe("https://grafana.internal/d/abc");
    expect(normalizeLink("oncall@example.com")).toBe("mailto:oncall@example.com");
    expect(normalizeLink("MAILTO:ops@example.com")).toBe("MAILTO:ops@example.com");
  });

  it("refuses scripts, data and other schemes, and text that is not an address", () => {
    for (const hostile of ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>x</script>", "vbscript:msgbox", "file:///etc/passwd"]) {
      expect(normalizeLink(hostile)).toBeNull();
      expect(isAllowedLink(hostile)).toBe(false);
    }
    expect(normalizeLink("")).toBeNull();
    expect(normalizeLink("two words")).toBeNull();
  });
});
