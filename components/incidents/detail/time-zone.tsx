"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useHydrated } from "@/lib/hooks/use-hydrated";

type TimeZoneMode = { isUtc: boolean; setIsUtc: (value: boolean) => void };
const TimeZoneContext = createContext<TimeZoneMode>({ isUtc: false, setIsUtc: () => {} });

// Times are shown in the viewer's zone; responders across zones can switch to UTC, remembered per browser.
export function TimeZoneProvider({ children }: { children: ReactNode }) {
  const [isUtc, setIsUtcState] = useState(false);
  useEffect(() => setIsUtcState(localStorage.getItem("daytwo:utc") === "1"), []);
  const setIsUtc = (value: boolean) => {
    localStorage.setItem("daytwo:utc", value ? "1" : "0");
    setIsUtcState(value);
  };
  return <TimeZoneContext.Provider value={{ isUtc, setIsUtc }}>{children}</TimeZoneContext.Provider>;
}

export const useTimeZone = () => useContext(TimeZoneContext);

export function Timestamp({ value, withDate = false }: { value: Date; withDate?: boolean }) {
  const { isUtc } = useTimeZone();
  // The server knows neither the viewer's zone nor their locale: it (and the browser's first pass)
  // writes UTC in a fixed form, and the browser switches to the viewer's own right after.
  const isHydrated = useHydrated();
  const inUtc = isUtc || !isHydrated;
  const text = new Intl.DateTimeFormat(isHydrated ? undefined : "en-US", {
    ...(withDate ? { month: "short", day: "numeric" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    ...(isHydrated ? {} : { hourCycle: "h23" as const }),
    timeZone: inUtc ? "UTC" : undefined,
    timeZoneName: inUtc ? "short" : undefined,
  }).format(value);
  return (
    <time dateTime={value.toISOString()} title={value.toISOString()} className="tabular-nums">
      {text}
    </time>
  );
}
