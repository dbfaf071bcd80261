import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "daytwo-demo";
export const demo = {
  admin: "admin@example.com",
  responder: "responder@example.com",
  viewer: "viewer@example.com",
} as const;

export const storageState = (role: keyof typeof demo) => `e2e/.auth/${role}.json`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/incidents$/);
}

export const isEmbedded = () => !process.env.DATABASE_URL;
