export * from "./users";
export * from "./teams";
export * from "./services";
export * from "./audit-log";
export * from "./sign-in-throttle";
export * from "./workspace";
