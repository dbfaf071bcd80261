// CPU time spent by a process group, from /proc: the app server runs as tsx's wrapper and its node
// child in one group (bench/startup.ts starts it detached). Linux only; elsewhere the bench reports none.
import fs from "node:fs";

// USER_HZ: the unit of utime and stime in /proc/<pid>/stat, 100 on every Linux the bench runs on.
const TICKS_PER_SECOND = 100;

/** Microseconds of CPU (user + system) used so far by every live process in group `pgid`; null off Linux. */
export function groupCpuMicros(pgid: number): number | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // The process ended between the listing and the read.
    }
    // After "pid (comm) ": state, ppid, pgrp, … utime (14th field) and stime (15th).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1e6) / TICKS_PER_SECOND;
}

/** Microseconds of CPU this process has used so far. */
export const ownCpuMicros = (): number => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};
