import { adminProcedure, router } from "@/server/trpc/init";
import { serviceContext } from "@/server/trpc/service-context";
import { listAudit } from "./list";
import { listAuditInput, listAuditOutput } from "./schemas";

export const auditRouter = router({
  list: adminProcedure
    .input(listAuditInput)
    .output(listAuditOutput)
    .query(({ ctx, input }) => listAudit({ ctx: serviceContext(ctx), input })),
});
