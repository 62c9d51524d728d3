import { z } from "zod";

const credential = (name: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${name} is required` : `${name} must be a string`,
    })
    .trim()
    .min(1, `${name} is required`)
    .max(512, `${name} is too long`);

export const authorizeBodySchema = z.object({
  client_id: credential("client_id"),
  client_secret: credential("client_secret"),
});

export const refreshBodySchema = z.object({
  client_id: credential("client_id"),
  client_secret: credential("client_secret"),
  refresh_token: credential("refresh_token"),
});
