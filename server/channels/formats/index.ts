import type { NotificationChannelKind } from "@/db/enums";
import type { Formatter } from "./formatted";
import { formatWebhook } from "./webhook";

export const formatters: Partial<Record<NotificationChannelKind, Formatter>> = { webhook: formatWebhook };
