"use client";

import { useEffect, useRef } from "react";

/** True where a key press is text being typed (inputs, selects, editors), so single-key shortcuts stay out of the way. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])") !== null;
}

/** True when a dialog or menu is open: there a letter means something else (or nothing). */
export function isOverlayOpen(): boolean {
  return document.querySelector("[role='dialog'], [role='alertdialog'], [role='menu'], [role='listbox']") !== null;
}

/** Whether a keydown may trigger a single-key page shortcut at all. */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.defaultPrevented || event.repeat || event.isComposing || isTypingTarget(event.target)) return false;
  return !isOverlayOpen();
}

/**
 * Single-key shortcuts for a page, by `event.key` ("n", "?"). Keys are compared exactly, so "N"
 * (Shift+n) is not "n"; "?" needs Shift on most layouts and is matched as typed. The latest handlers
 * are read at key time, so callers may pass a fresh object on every render.
 */
export function useKeyShortcuts(shortcuts: Record<string, () => void>, isEnabled = true) {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!isEnabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (!isShortcutEvent(event)) return;
      const handler = Object.hasOwn(latest.current, event.key) ? latest.current[event.key] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [isEnabled]);
}
