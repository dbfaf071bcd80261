import { describe, expect, it } from "vitest";
import { toast, toastStore } from "./toast";

describe("toasts", () => {
  it("keeps the newest three of a burst, errors on screen longer, and drops one when dismissed", () => {
    let heard = 0;
    const stop = toastStore.subscribe(() => heard++);
    const ids = ["one", "two", "three", "four"].map((message) => toast.success(message));
    const failure = toast.error("Could not save: try again");
    expect(toastStore.snapshot().map((entry) => entry.message)).toEqual(["three", "four", "Could not save: try again"]);
    expect(toastStore.snapshot().at(-1)).toMatchObject({ kind: "error", duration: 6_000 });
    expect(toastStore.snapshot()[0]).toMatchObject({ kind: "success", duration: 4_000 });
    toast.dismiss(ids[3]!);
    expect(toastStore.snapshot().map((entry) => entry.message)).toEqual(["three", "Could not save: try again"]);
    toast.dismiss(failure);
    toast.dismiss(ids[2]!);
    expect(toastStore.snapshot()).toEqual([]);
    expect(heard).toBe(8);
    stop();
  });
});
