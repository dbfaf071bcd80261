import { z } from "zod";
import { adminProcedure, router } from "@/server/trpc/init";
import { serviceContext } from "@/server/trpc/service-context";
import { getAllowHosts, setAllowHosts } from "./allow-hosts";
import { createChannel } from "./create";
import { deleteChannel } from "./delete";
import { listChannelDeliveries } from "./deliveries";
import { getChannel, listChannels } from "./list";
import { redeliverDelivery } from "./redeliver";
import { rotateChannelSecret } from "./rotate-secret";
import {
  allowHostsInput,
  allowHostsOutput,
  channelIdInput,
  channelOutput,
  channelWithSecretOutput,
  createChannelInput,
  deliveryIdInput,
  deliveryLogOutput,
  disableChannelInput,
  redeliverOutput,
  testOutcomeOutput,
  updateChannelInput,
} from "./schemas";
import { sendChannelTest } from "./send-test";
import { setChannelEnabled } from "./set-enabled";
import { updateChannel } from "./update";

export const notificationChannelsRouter = router({
  list: adminProcedure
    .input(z.void())
    .output(z.array(channelOutput))
    .query(({ ctx }) => listChannels({ ctx: serviceContext(ctx) })),
  get: adminProcedure
    .input(channelIdInput)
    .output(channelOutput)
    .query(({ ctx, input }) => getChannel({ ctx: serviceContext(ctx), input })),
  create: adminProcedure
    .input(createChannelInput)
    .output(channelWithSecretOutput)
    .mutation(({ ctx, input }) => createChannel({ ctx: serviceContext(ctx), input })),
  update: adminProcedure
    .input(updateChannelInput)
    .output(channelOutput)
    .mutation(({ ctx, input }) => updateChannel({ ctx: serviceContext(ctx), input })),
  rotateSecret: adminProcedure
    .input(channelIdInput)
    .output(channelWithSecretOutput)
    .mutation(({ ctx, input }) => rotateChannelSecret({ ctx: serviceContext(ctx), input })),
  enable: adminProcedure
    .input(channelIdInput)
    .output(channelOutput)
    .mutation(({ ctx, input }) => setChannelEnabled({ ctx: serviceContext(ctx), input: { id: input.id, isEnabled: true } })),
  disable: adminProcedure
    .input(disableChannelInput)
    .output(channelOutput)
    .mutation(({ ctx, input }) => setChannelEnabled({ ctx: serviceContext(ctx), input: { ...input, isEnabled: false } })),
  delete: adminProcedure
    .input(channelIdInput)
    .output(z.void())
    .mutation(({ ctx, input }) => deleteChannel({ ctx: serviceContext(ctx), input })),
  deliveries: adminProcedure
    .input(channelIdInput)
    .output(deliveryLogOutput)
    .query(({ ctx, input }) => listChannelDeliveries({ ctx: serviceContext(ctx), input })),
  sendTest: adminProcedure
    .input(channelIdInput)
    .output(testOutcomeOutput)
    .mutation(({ ctx, input }) => sendChannelTest({ ctx: serviceContext(ctx), input })),
  redeliver: adminProcedure
    .input(deliveryIdInput)
    .output(redeliverOutput)
    .mutation(({ ctx, input }) => redeliverDelivery({ ctx: serviceContext(ctx), input })),
  allowHosts: adminProcedure
    .input(z.void())
    .output(allowHostsOutput)
    .query(({ ctx }) => getAllowHosts({ ctx: serviceContext(ctx) })),
  setAllowHosts: adminProcedure
    .input(allowHostsInput)
    .output(allowHostsOutput)
    .mutation(({ ctx, input }) => setAllowHosts({ ctx: serviceContext(ctx), input })),
});
