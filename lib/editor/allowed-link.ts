/** Links may only point at web pages or mail addresses; anything else (javascript:, data:) is refused. */
export const isAllowedLink = (url: string) => /^(https?:\/\/|mailto:)/i.test(url.trim());

/**
 * What a person typed into a link field, as an address: "example.com/x" becomes https://…, an
 * address with an @ and no scheme becomes mailto:. Null when it still is not an allowed link.
 */
export function normalizeLink(typed: string): string | null {
  const text = typed.trim();
  if (!text || /\s/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : text.includes("@") && !text.includes("/") ? `mailto:${text}` : `https://${text}`;
  return isAllowedLink(withScheme) ? withScheme : null;
}
