import { isStorableText, NUL_MESSAGE, SURROGATE_MESSAGE } from "@/lib/validation/text";

/**
 * Where a parsed JSON value holds text PostgreSQL cannot store in jsonb (a NUL character, half an
 * emoji), as a path and the reason; null when all of it can be stored. A loop, not recursion, so a
 * deeply nested payload cannot overflow the stack.
 */
export function unstorableText(value: unknown): string | null {
  const pending: { value: unknown; path: string }[] = [{ value, path: "" }];
  while (pending.length) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === "string") {
      if (!isStorableText(current)) return describe(path, current);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: `${path}[${index}]` }));
    } else if (typeof current === "object" && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        const itemPath = path ? `${path}.${key}` : key;
        if (!isStorableText(key)) return describe(path || "(top level)", key);
        pending.push({ value: item, path: itemPath });
      }
    }
  }
  return null;
}

const describe = (path: string, text: string) => `${path || "(top level)"}: ${text.includes("\u0000") ? NUL_MESSAGE : SURROGATE_MESSAGE}`;
