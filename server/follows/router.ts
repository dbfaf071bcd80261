import { z } from "zod";
import { protectedProcedure, router } from "@/server/trpc/init";
import { serviceContext } from "@/server/trpc/service-context";
import { listFollowing } from "./list";
import { followingOutput, setFollowingInput, setFollowingOutput } from "./schemas";
import { setFollowing } from "./set-following";

// Every role may follow what it can see; each verb only touches the caller's own follows.
export const followsRouter = router({
  mine: protectedProcedure
    .input(z.void())
    .output(followingOutput)
    .query(({ ctx }) => listFollowing({ ctx: serviceContext(ctx) })),
  set: protectedProcedure
    .input(setFollowingInput)
    .output(setFollowingOutput)
    .mutation(({ ctx, input }) => setFollowing({ ctx: serviceContext(ctx), input })),
});
