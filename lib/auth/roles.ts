export const ROLES = ["merchant", "support"] as const;

export type Role = (typeof ROLES)[number];

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  merchantId: string | null;
};
