import { encode } from "@auth/core/jwt";
const rows = process.argv[2]!;
console.log("authjs.session-token=" + (await encode({ token: { sub: rows, name: "Admin", email: "admin@example.com" }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token" })));
