import { z } from "zod";
import { changesSinceInput } from "@/lib/validation/dates";
import { alertsFeed } from "@/server/live/alerts-feed";
import { protectedProcedure, router } from "@/server/trpc/init";
import { rest } from "@/server/trpc/api-meta";
import { serviceContext } from "@/server/trpc/service-context";
import { getAlert } from "./get";
import { listAlerts } from "./list";
import { noiseCut } from "./noise-cut";
import { alertSourceOptions } from "./source-options";
import { alertIdInput, alertOutput, alertSourceOptionsOutput, listAlertsInput, listAlertsOutput, noiseCutOutput } from "./schemas";

export const alertsRouter = router({
  list: protectedProcedure
    .meta(rest("GET", "/alerts", "alerts:read", "List alerts", "Alerts"))
    .input(listAlertsInput)
    .output(listAlertsOutput)
    .query(({ ctx, input }) => listAlerts({ ctx: serviceContext(ctx), input })),
  get: protectedProcedure
    .meta(rest("GET", "/alerts/{id}", "alerts:read", "Get an alert", "Alerts"))
    .input(alertIdInput)
    .output(alertOutput)
    .query(({ ctx, input }) => getAlert({ ctx: serviceContext(ctx), input })),
  noiseCut: protectedProcedure
    .input(z.void())
    .output(noiseCutOutput)
    .query(({ ctx }) => noiseCut({ ctx: serviceContext(ctx) })),
  sourceOptions: protectedProcedure
    .input(z.void())
    .output(alertSourceOptionsOutput)
    .query(({ ctx }) => alertSourceOptions({ ctx: serviceContext(ctx) })),
  // Live: a bare "alerts changed" (coalesced to at most one a second); pages refetch what they show.
  onChanged: protectedProcedure.input(changesSinceInput).subscription(async function* ({ ctx, signal, input }) {
    for await (const _ of alertsFeed(serviceContext(ctx), signal, input?.since)) yield { changed: true as const };
  }),
});
