import { expect, test } from "@playwright/test";
import { personPage } from "./helpers";

test("an admin creates an API token, a script declares an incident with it, and the incident page shows the token's work live", { tag: "@engine" }, async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const admin = await personPage(browser, "admin");
  await admin.goto("/settings/users");
  await admin.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API tokens" }).click();
  await expect(admin.getByRole("heading", { name: "API tokens" })).toBeVisible();

  const name = `CI deploys ${Date.now().toString(36)}`;
  const form = admin.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByRole("checkbox", { name: /incidents:write/ }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  const notice = admin.getByRole("status").filter({ hasText: `Copy the token for ${name}` });
  const token = (await notice.getByLabel(`Token for ${name}`, { exact: true }).textContent())?.trim() ?? "";
  expect(token).toMatch(/^dt_[0-9A-Za-z]{36}$/);
  await expect(admin.getByRole("list", { name: "API tokens" }).getByText(name)).toBeVisible();

  // The reference the page links to lists the declare endpoint with a curl example.
  await admin.getByRole("link", { name: "Read the API reference" }).click();
  await expect(admin.getByRole("heading", { name: "Daytwo API reference" })).toBeVisible();
  await expect(admin.getByRole("heading", { name: "POST /api/v1/incidents", exact: true })).toBeVisible();

  // A script declares with the token, as the docs show.
  const title = `Deploy failed ${Date.now().toString(36)}`;
  const declared = await fetch(`${baseURL}/api/v1/incidents`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": `e2e-${Date.now()}` },
    body: JSON.stringify({ title, severityId: 2 }),
  });
  expect(declared.status).toBe(200);
  const { id } = (await declared.json()) as { id: string };

  const watcher = await personPage(browser, "responder");
  await watcher.goto(`/incidents/${id}`);
  await expect(watcher.getByRole("heading", { name: title })).toBeVisible();
  await expect(watcher.getByText(`Declared SEV2 incident: ${title} · API token “${name}”`)).toBeVisible();

  // While the page is open, the token adds a note: it appears without a reload, under the token's name.
  const note = `Rolled back build ${Date.now().toString(36)}`;
  const noted = await fetch(`${baseURL}/api/v1/incidents/${id}/notes`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ body: note }),
  });
  expect(noted.status).toBe(200);
  await expect(watcher.getByText(note)).toBeVisible();

  // Revoked, the token is refused at once.
  await admin.goto("/settings/api-tokens");
  const row = admin.getByRole("list", { name: "API tokens" }).getByRole("listitem").filter({ hasText: name });
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(row.getByText("· Revoked")).toBeVisible();
  const refused = await fetch(`${baseURL}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status).toBe(401);
});
