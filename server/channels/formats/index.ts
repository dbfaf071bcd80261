// One formatter per channel kind: the delivery worker picks the channel's and never branches on kind.
import type { NotificationChannelKind } from "@/db/enums";
import { formatEmail } from "./email";
import type { Formatter } from "./formatted";
import { formatSlack } from "./slack";
import { formatTeams } from "./teams";
import { formatWebhook } from "./webhook";

export const formatters: Record<NotificationChannelKind, Formatter> = { slack: formatSlack, teams: formatTeams, webhook: formatWebhook, email: formatEmail };
