import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold">This page does not exist</h1>
      <p className="text-muted-foreground">The link may be wrong, or what it pointed to may have been removed — or it may be private to the people working on it.</p>
      <Link href="/" className={buttonVariants()}>
        Go to Daytwo
      </Link>
    </main>
  );
}
