"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, BellOff } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/trpc/error-message";

/**
 * Follow or unfollow an incident or a service: followers hear of its changes behind the bell and by
 * email. The name says what a press does ("Follow INC-12"), so screen readers hear the action.
 */
export function FollowButton({ kind, id, name }: { kind: "incident" | "service"; id: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.follows.mine.queryOptions());
  const following = kind === "incident" ? mine.data?.incidents.some((i) => i.id === id) : mine.data?.services.some((s) => s.id === id);
  const set = useMutation(
    trpc.follows.set.mutationOptions({
      onSuccess: async (result) => {
        toast.success(result.following ? `Following ${name}: you will hear of its changes in the app and by email` : `You no longer follow ${name}`);
        await queryClient.invalidateQueries({ queryKey: trpc.follows.mine.queryKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  if (mine.isPending || mine.isError) return null;
  const Icon = following ? BellOff : Bell;
  return (
    <Button size="sm" variant="outline" aria-label={`${following ? "Unfollow" : "Follow"} ${name}`} disabled={set.isPending} onClick={() => set.mutate({ kind, id, following: !following })}>
      <Icon aria-hidden />
      {following ? "Unfollow" : "Follow"}
    </Button>
  );
}
