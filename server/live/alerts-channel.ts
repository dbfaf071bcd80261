// NOTIFY channel of alert ingestion: one empty notification per stored request, for the live Alerts page.
export const ALERTS_CHANNEL = "daytwo_alerts";
