import { AUDIT_EVENT_LABELS, AUDIT_REASON_TEXT, type AuditEventType } from "@/lib/audit";
import type { TokenSetState } from "@/lib/support/token-sets";

export function eventLabel(type: string): string {
  return AUDIT_EVENT_LABELS[type as AuditEventType] ?? type;
}

export function reasonText(reason: string | null): string | null {
  return reason ? (AUDIT_REASON_TEXT[reason] ?? null) : null;
}

export const TOKEN_SET_STATE_LABELS: Record<TokenSetState, string> = {
  active: "Active",
  expired: "Expired",
  rotated: "Replaced",
  revoked: "Revoked",
  reuse_detected: "Reuse detected",
};

export const TOKEN_SET_STATE_TONES: Record<TokenSetState, "green" | "slate" | "red" | "amber"> = {
  active: "green",
  expired: "slate",
  rotated: "slate",
  revoked: "red",
  reuse_detected: "amber",
};
