import { describe, expect, it } from "vitest";
import { caretPalette, colorFor } from "./collaboration-caret";

// WCAG 2 relative luminance and contrast ratio of two #rrggbb colours.
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
};

describe("writer colours", () => {
  it("carry white text at 4.5:1 or more, whoever the writer is", () => {
    for (const color of caretPalette) expect(contrast(color, "#ffffff"), color).toBeGreaterThanOrEqual(4.5);
  });

  it("are the same for the same person on every page", () => {
    const id = "0b7f2c9e-5d1a-4f36-9a3e-2c8d7e6f5a41";
    expect(colorFor(id)).toBe(colorFor(id));
    expect(caretPalette).toContain(colorFor(id));
  });
});
