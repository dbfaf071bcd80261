import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ThemeScript } from "@/components/theme/theme-script";
import { Toaster } from "@/components/ui/toaster";
import { TRPCReactProvider } from "@/components/trpc/client";
import { nonceOf } from "@/server/http/security-headers";
import "./globals.css";

// Every page depends on who is signed in and on live data: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Daytwo", template: "%s · Daytwo" },
  description: "Incident management and learning: run incidents, write blameless post-mortems, own the follow-ups.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0b12" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme is set by an inline script before paint; the page's policy allows it by nonce.
  const nonce = nonceOf((await headers()).get("content-security-policy"));
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh antialiased">
        <ThemeScript nonce={nonce} />
        <TRPCReactProvider>
          {children}
          <Toaster />
        </TRPCReactProvider>
      </body>
    </html>
  );
}
