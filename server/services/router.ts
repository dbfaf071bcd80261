import { z } from "zod";
import { protectedProcedure, router } from "@/server/trpc/init";
import { rest } from "@/server/trpc/api-meta";
import { serviceContext } from "@/server/trpc/service-context";
import { listServices } from "./list";
import { serviceOutput } from "./schemas";

export const servicesRouter = router({
  list: protectedProcedure
    .meta(rest("GET", "/services", "workspace:read", "List services", "Workspace"))
    .input(z.void())
    .output(z.array(serviceOutput))
    .query(({ ctx }) => listServices({ ctx: serviceContext(ctx) })),
});
