// Where to send someone after sign-in. Prefix checks miss what browsers repair: they drop tabs and
// newlines and read `\` as `/`, so `/\t/evil.example` lands on `//evil.example`. The target is
// therefore parsed as a URL the way a browser would, and only a path on the app's own origin is kept.

const FALLBACK = "/incidents";
// Any origin works for resolving a relative target; only "did it stay on this origin?" matters.
const PLACEHOLDER_ORIGIN = "http://daytwo.invalid";

/** A same-origin path (with query and fragment) for `value`, or /incidents for anything else. */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, appOrigin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof value !== "string" || value === "") return FALLBACK;
  const path = sameOriginPath(value, appOrigin);
  // The path must also stay put when a browser reads it again: `/.//evil.example` normalizes to
  // `//evil.example`, which is a link to another host.
  return path !== null && sameOriginPath(path, appOrigin) === path ? path : FALLBACK;
}

function sameOriginPath(value: string, appOrigin: string): string | null {
  let base: URL;
  let target: URL;
  try {
    base = new URL(appOrigin);
    target = new URL(value, base);
  } catch {
    return null;
  }
  if (target.origin !== base.origin || target.username || target.password) return null;
  return `${target.pathname}${target.search}${target.hash}`;
}
