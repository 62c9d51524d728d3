"use client";

import { useSyncExternalStore } from "react";

import { formatUtcTime, formatZonedTime, toUtcIso } from "@/lib/date-time";

const subscribe = () => () => {};

/**
 * The server renders in its own zone and locale, not the viewer's. So the server and the
 * hydrating render both write UTC text, and React swaps in the viewer's local time right after;
 * a component mounted later in the browser shows local time from its first render.
 */
function useIsBrowserRender(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

export function Timestamp({ iso, className }: { iso: string; className?: string }) {
  const isBrowser = useIsBrowserRender();
  const instant = toUtcIso(iso);

  return (
    <time dateTime={instant} title={instant} className={className}>
      {isBrowser ? formatZonedTime(instant) : formatUtcTime(instant)}
    </time>
  );
}
