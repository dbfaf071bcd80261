import { z } from "zod";
import { incidentStatuses } from "@/db/enums";
import { id } from "@/lib/validation/ids";

export const followTargetKinds = ["incident", "service"] as const;

export const setFollowingInput = z.object({
  kind: z.enum(followTargetKinds, "Follow an incident or a service"),
  id: id("That is not an incident or service id"),
  following: z.boolean("Say whether to follow or stop"),
});

export const setFollowingOutput = z.object({ following: z.boolean() });

export const followingOutput = z.object({
  incidents: z.array(z.object({ id: z.uuid(), reference: z.string(), title: z.string(), status: z.enum(incidentStatuses), followedAt: z.date() })),
  services: z.array(z.object({ id: z.uuid(), name: z.string(), followedAt: z.date() })),
});

export type FollowingOutput = z.infer<typeof followingOutput>;
