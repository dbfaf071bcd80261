import http from "node:http";
import { createTrpcHandler } from "@/server/trpc/http-handler";
const handler = createTrpcHandler();
const server = http.createServer(handler);
server.listen(3556, "127.0.0.1", () => console.log("ready"));
process.on("SIGINT", () => { server.close(); process.exit(0); });
