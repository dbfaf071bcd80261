"use client";

import { useState } from "react";
import { THEME_KEY } from "./theme-script";

export type ThemeChoice = "system" | "light" | "dark";
const isChoice = (value: unknown): value is ThemeChoice => value === "system" || value === "light" || value === "dark";

function storedChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return isChoice(value) ? value : "system";
  } catch {
    return "system";
  }
}

/** The theme menu's state (components/shell/user-menu.tsx): the choice, stored and applied at once. */
export function useTheme(): { theme: ThemeChoice; setTheme: (value: string) => void } {
  const [theme, setChoice] = useState<ThemeChoice>(storedChoice);
  const setTheme = (value: string) => {
    if (!isChoice(value)) return;
    try {
      localStorage.setItem(THEME_KEY, value);
    } catch {
      // Private windows may refuse storage: the theme still changes for this page.
    }
    (window as Window & { __daytwoApplyTheme?: (choice?: ThemeChoice) => void }).__daytwoApplyTheme?.();
    setChoice(value);
  };
  return { theme, setTheme };
}
