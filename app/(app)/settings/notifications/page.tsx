import type { Metadata } from "next";
import { NotificationChannelsAdmin } from "@/components/settings/notification-channels/notification-channels-admin";
import { requireAllowed } from "@/server/auth/current-user";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsSettingsPage() {
  await requireAllowed("admin");
  await Promise.all([prefetch(trpc.notificationChannels.list.queryOptions()), prefetch(trpc.notificationChannels.allowHosts.queryOptions())]);
  return (
    <section aria-labelledby="notification-channels-heading" className="grid min-w-0 grid-cols-1 gap-4">
      <h2 id="notification-channels-heading" className="text-lg font-semibold">
        Notifications
      </h2>
      <p className="text-sm text-muted-foreground">
        Channels Daytwo tells when incidents happen: Slack, Microsoft Teams, an email list, or your own systems through signed webhooks. Failed deliveries are retried for a day.
      </p>
      <HydrateClient>
        <NotificationChannelsAdmin />
      </HydrateClient>
    </section>
  );
}
