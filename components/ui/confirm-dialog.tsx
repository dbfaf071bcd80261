"use client";

import { lazyDialog } from "./lazy-dialog";

export type { ConfirmDialogProps } from "./confirm-dialog-body";

/** "Are you sure?" for one change (confirm-dialog-body.tsx), loaded after the page. */
export const ConfirmDialog = lazyDialog(() => import("./confirm-dialog-body").then((module) => module.ConfirmDialogBody));
