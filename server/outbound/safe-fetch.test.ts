// Outbound requests as an attacker would aim them: private and metadata addresses, names that resolve
// to loopback, redirects into the private network, slow and endless answers.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/test/app-process";
import { isRefusedAddress } from "./address-policy";
import { OutboundError, safeFetch, urlProblem } from "./safe-fetch";

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/redirect-private") res.writeHead(302, { location: "http://10.0.0.1/" }).end();
    else if (req.url === "/redirect-here") res.writeHead(307, { location: "/ok" }).end();
    else if (req.url === "/slow") setTimeout(() => res.end("late"), 5_000);
    else if (req.url === "/huge") {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, "x");
      const write = () => res.write(chunk) && setImmediate(write);
      write();
      res.on("close", () => res.destroy());
    } else res.end("ok");
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("the address policy", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.20.0.1", true],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["fd00::1", true],
    ["fe80::1", true],
    ["8.8.8.8", false],
    ["2606:4700:4700::1111", false],
    ["not-an-ip", true],
  ])("%s refused: %s", (address, refused) => {
    expect(isRefusedAddress(address)).toBe(refused);
  });

  it("explains unusable URLs", () => {
    expect(urlProblem("hooks.slack.com/x")).toMatch(/not a URL/);
    expect(urlProblem("ftp://example.com/")).toMatch(/http/);
    expect(urlProblem("https://user:pw@example.com/")).toMatch(/credentials/);
    expect(urlProblem("https://example.com/hook")).toBeNull();
  });
});

describe("safeFetch", () => {
  const refusedBy = async (promise: Promise<unknown>) => {
    const error = await promise.catch((caught: unknown) => caught);
    return error instanceof OutboundError ? error.reason : error;
  };

  it("refuses loopback and names that resolve to it unless the host is allow-listed", async () => {
    expect(await refusedBy(safeFetch({ url: `${base}/ok`, allowList: [] }))).toBe("refused");
    expect(await refusedBy(safeFetch({ url: base.replace("127.0.0.1", "localhost") + "/ok", allowList: [] }))).toBe("refused");
    expect((await safeFetch({ url: `${base}/ok`, allowList: ["127.0.0.1"] })).body).toBe("ok");
  });

  it("follows a redirect by hand and refuses one into the private network", async () => {
    expect((await safeFetch({ url: `${base}/redirect-here`, allowList: ["127.0.0.1"] })).body).toBe("ok");
    expect(await refusedBy(safeFetch({ url: `${base}/redirect-private`, allowList: ["127.0.0.1"] }))).toBe("refused");
  });

  it("gives up on a slow receiver at the timeout and reads an endless answer only up to its bound", async () => {
    expect(await refusedBy(safeFetch({ url: `${base}/slow`, allowList: ["127.0.0.1"], timeoutMs: 300 }))).toBe("timeout");
    const huge = await safeFetch({ url: `${base}/huge`, allowList: ["127.0.0.1"] });
    expect(huge.body.length).toBeLessThanOrEqual(64 * 1024);
    expect(huge.status).toBe(200);
  });
});
