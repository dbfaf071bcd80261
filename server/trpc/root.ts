import { actionItemsRouter } from "@/server/action-items/router";
import { apiTokensRouter } from "@/server/api-tokens/router";
import { alertsRouter } from "@/server/alerts/router";
import { alertRulesRouter } from "@/server/alerts/routing/router";
import { alertSourcesRouter } from "@/server/alerts/sources/router";
import { auditRouter } from "@/server/audit/router";
import { notificationChannelsRouter } from "@/server/channels/admin/router";
import { followsRouter } from "@/server/follows/router";
import { incidentRolesRouter } from "@/server/incident-roles/router";
import { incidentsRouter } from "@/server/incidents/router";
import { notificationsRouter } from "@/server/notifications/router";
import { postMortemsRouter } from "@/server/post-mortems/router";
import { runbooksRouter } from "@/server/runbooks/router";
import { servicesRouter } from "@/server/services/router";
import { teamsRouter } from "@/server/teams/router";
import { usersRouter } from "@/server/users/router";
import { workspaceRouter } from "@/server/workspace/router";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  users: usersRouter,
  teams: teamsRouter,
  services: servicesRouter,
  audit: auditRouter,
  incidents: incidentsRouter,
  incidentRoles: incidentRolesRouter,
  postMortems: postMortemsRouter,
  actionItems: actionItemsRouter,
  workspace: workspaceRouter,
  runbooks: runbooksRouter,
  notifications: notificationsRouter,
  alertSources: alertSourcesRouter,
  alertRules: alertRulesRouter,
  alerts: alertsRouter,
  notificationChannels: notificationChannelsRouter,
  follows: followsRouter,
  apiTokens: apiTokensRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
