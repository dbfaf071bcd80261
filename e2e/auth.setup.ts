import { test as setup } from "@playwright/test";
import { demo, signIn, storageState } from "./helpers";

for (const role of ["admin", "responder", "viewer"] as const) {
  setup(`sign in as the demo ${role}`, async ({ page }) => {
    await signIn(page, demo[role]);
    await page.context().storageState({ path: storageState(role) });
  });
}
