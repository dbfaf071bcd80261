// The callout tones, kept free of editor code so the server renderers can check them cheaply.
export const calloutTones = ["info", "warning", "success"] as const;
export type CalloutTone = (typeof calloutTones)[number];
/** Anything not on the list (a pasted `x onload=…`, a typo) becomes the neutral tone. */
export const toCalloutTone = (value: unknown): CalloutTone => (calloutTones.includes(value as CalloutTone) ? (value as CalloutTone) : "info");
export const calloutLabels: Record<CalloutTone, string> = { info: "Note", warning: "Warning", success: "Success" };
