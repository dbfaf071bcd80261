import http from "node:http";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { outgoingEvent } from "@/lib/outgoing-events";
import { declareIncident, personPage } from "./helpers";

// A receiver on this machine: loopback is refused unless an admin allow-lists it, which is the point.
type Received = { headers: http.IncomingHttpHeaders; body: string };
const RECEIVER_PORT = 3791;

function startReceiver(): Promise<{ received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200, { "content-type": "text/plain" }).end("ok, received");
    });
  });
  return new Promise((resolve) => server.listen(RECEIVER_PORT, "127.0.0.1", () => resolve({ received, close: () => new Promise((done) => server.close(() => done())) })));
}

test("an admin adds a signed webhook channel, allows the local receiver, a test and a declared incident arrive signed, and the log shows both", async ({ browser }) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  try {
    const admin = await personPage(browser, "admin");
    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.goto("/settings/users");
    await admin.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Notifications" }).click();
    await expect(admin.getByRole("heading", { name: "Notifications", exact: true })).toBeVisible();

    const name = `Local receiver ${Date.now().toString(36)}`;
    await admin.getByRole("button", { name: "New channel" }).click();
    const form = admin.getByRole("form", { name: "New notification channel" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Send to").selectOption({ label: "Webhook (signed)" });
    await form.getByLabel("Receiver URL").fill("not a url");
    await form.getByRole("checkbox", { name: "Incident declared" }).check();
    await form.getByRole("checkbox", { name: "Status update posted" }).check();
    await form.getByRole("button", { name: "Add channel" }).click();
    // Refused beside the field, nothing added.
    await expect(form.getByText("This is not a URL")).toBeVisible();
    await expect(form.getByLabel("Receiver URL")).toHaveAttribute("aria-invalid", "true");
    await form.getByLabel("Receiver URL").fill(`http://127.0.0.1:${RECEIVER_PORT}/hooks/daytwo`);
    await form.getByRole("button", { name: "Add channel" }).click();

    const notice = admin.getByRole("status").filter({ hasText: `Signing secret for ${name}` });
    const secret = (await notice.getByLabel(`Signing secret for ${name}`, { exact: true }).textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_/);

    const card = admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name }) });
    await expect(card.getByText("http://127.0.0.1:3791/…ytwo")).toBeVisible();

    // Loopback is refused until allow-listed: the form says why, it is not a server error.
    await card.getByRole("button", { name: `Send test to ${name}` }).click();
    await expect(card.getByRole("alert")).toContainText("The test was not delivered");
    expect(receiver.received).toHaveLength(0);

    await admin.getByLabel("Allowed hosts").fill("https://127.0.0.1");
    await admin.getByRole("button", { name: "Save allowed hosts" }).click();
    await expect(admin.getByText("Enter a host name or IP address only")).toBeVisible();
    await admin.getByLabel("Allowed hosts").fill("127.0.0.1");
    await admin.getByRole("button", { name: "Save allowed hosts" }).click();
    await expect(admin.getByText("Allowed hosts saved (1).")).toBeVisible();

    await card.getByRole("button", { name: `Send test to ${name}` }).click();
    await expect(card.getByRole("status")).toContainText(`Test delivered to ${name} (200)`);

    // The receiver got one request, signed with the secret shown once (Standard Webhooks).
    expect(receiver.received.length).toBeGreaterThanOrEqual(1);
    const request = receiver.received.at(-1)!;
    const headers = {
      "webhook-id": String(request.headers["webhook-id"]),
      "webhook-timestamp": String(request.headers["webhook-timestamp"]),
      "webhook-signature": String(request.headers["webhook-signature"]),
    };
    expect(() => new Webhook(secret).verify(request.body, headers)).not.toThrow();

    // The delivery log shows both attempts' deliveries, the latest delivered with the receiver's answer.
    await card.getByRole("button", { name: `Delivery log of ${name}` }).click();
    const log = card.getByRole("list", { name: `Deliveries to ${name}` });
    await expect(log.getByText("Delivered").first()).toBeVisible();
    await expect(log.getByText(/HTTP 200/).first()).toBeVisible();
    await expect(log.getByText("ok, received").first()).toBeVisible();
    await expect(log.getByText(headers["webhook-id"])).toBeVisible();
    await expect(card.getByText("Last delivery")).toBeVisible();
    await expect.poll(() => admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await notice.getByRole("button", { name: "I have copied it" }).click();
    await expect(admin.getByText(secret)).toHaveCount(0);

    // An incident declared by someone else reaches the receiver as a signed, typed event, and the log has it.
    const title = `Webhook journey ${Date.now().toString(36)}`;
    const responder = await personPage(browser, "responder");
    await declareIncident(responder, title);
    await expect.poll(() => receiver.received.some((entry) => entry.body.includes(title)), { timeout: 30_000 }).toBe(true);
    const delivery = receiver.received.find((entry) => entry.body.includes(title))!;
    const deliveryHeaders = {
      "webhook-id": String(delivery.headers["webhook-id"]),
      "webhook-timestamp": String(delivery.headers["webhook-timestamp"]),
      "webhook-signature": String(delivery.headers["webhook-signature"]),
    };
    const event = outgoingEvent.parse(new Webhook(secret).verify(delivery.body, deliveryHeaders));
    expect(event.type).toBe("incident.declared");
    expect(event.type === "incident.declared" && event.data.incident.title).toBe(title);
    await admin.reload();
    await card.getByRole("button", { name: `Delivery log of ${name}` }).click();
    await expect(log.getByText(deliveryHeaders["webhook-id"])).toBeVisible();
    await responder.context().close();
  } finally {
    await receiver.close();
  }
});
