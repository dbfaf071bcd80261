"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { formatClock } from "@/lib/time-format";

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
  const isHydrated = useHydrated();
  const text = formatClock(value, { withDate, isUtc, isServerSafe: !isHydrated });
  return (
    <time dateTime={value.toISOString()} title={value.toISOString()} className="tabular-nums">
      {text}
    </time>
  );
}
