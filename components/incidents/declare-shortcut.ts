"use client";

import { useEffect, type RefObject } from "react";
import { isTypingTarget } from "@/components/ui/key-shortcuts";

/**
 * The "d" key declares an incident. Shared by the header's declare button and its placeholder
 * (components/shell/deferred-header.tsx), so the key works before the dialog's code has arrived.
 */
export function useDeclareShortcut(enabled: boolean, triggerRef: RefObject<HTMLButtonElement | null>, open: () => void) {
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      // Compared exactly, not via toLowerCase(): autofill fires keydown events without a key.
      if ((event.key !== "d" && event.key !== "D") || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (event.defaultPrevented || event.repeat || event.isComposing || isTypingTarget(event.target)) return;
      // Not on top of another dialog or menu, where "d" means something else (or nothing).
      if (document.querySelector("[role='dialog'], [role='alertdialog'], [role='menu']")) return;
      // The header renders one copy per layout and hides the other; only the visible one answers.
      if (!triggerRef.current || triggerRef.current.getClientRects().length === 0) return;
      event.preventDefault();
      open();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled, triggerRef, open]);
}
