// The status-change dialog's fields, named as the server names them in field errors.
export const reasonFields = ["reason", "mergedIntoNumber"] as const;
export type ReasonField = (typeof reasonFields)[number];
