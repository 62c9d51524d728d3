"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { useToast } from "@/components/ui/toaster";

import { errorDescription, fetchJson } from "./fetch-json";
import { displayLabel } from "./key-format";
import { keyQueries } from "./key-queries";
import type {
  CreateKeyResponse,
  GenerateTokensResponse,
  IssuedTokens,
  KeyResponse,
  KeySettingsInput,
  KeyView,
} from "./types";

type KeysMutationConfig<TVariables> = {
  mutationFn: (variables: TVariables) => Promise<KeyView>;
  successTitle: (key: KeyView, variables: TVariables) => string;
  /** Given the key's label when the action is on a listed key. */
  failureTitle: (label: string | undefined) => string;
  /** The key an action is on, if any: its label names it in a failure. */
  keyId?: (variables: TVariables) => string;
  group: (variables: TVariables) => string;
};

function useKeysMutation<TVariables>(config: KeysMutationConfig<TVariables>) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const labelOf = (variables: TVariables) => {
    const keyId = config.keyId?.(variables);
    const key = queryClient.getQueryData(keyQueries.list().queryKey)?.find((k) => k.id === keyId);

    return key ? displayLabel(key) : undefined;
  };

  return useMutation({
    mutationFn: config.mutationFn,
    onSuccess: (key, variables) => {
      toast({
        tone: "success",
        title: config.successTitle(key, variables),
        group: config.group(variables),
      });
    },
    onError: (error, variables) => {
      toast({
        tone: "error",
        title: config.failureTitle(labelOf(variables)),
        description: errorDescription(error),
        group: config.group(variables),
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keyQueries.all() }),
  });
}

function keyUrl(id: string, action: string): string {
  return `/api/keys/${encodeURIComponent(id)}/${action}`;
}

export type CreatedKey = { key: KeyView; apiKey: string };

/**
 * One-time secrets are handed straight to the dialog that shows them; the mutation resolves with
 * the key view only, so no plaintext secret ever lands in the mutation or query cache.
 */
export function useCreateKey(onCreated: (created: CreatedKey) => void) {
  return useKeysMutation({
    mutationFn: async (input: { label?: string }) => {
      const body = await fetchJson<CreateKeyResponse>("/api/keys", { method: "POST", json: input });
      onCreated({ key: body.key, apiKey: body.api_key });
      return body.key;
    },
    successTitle: () => "API key created",
    failureTitle: () => "Could not create the API key",
    group: () => "create-key",
  });
}

export function useGenerateTokens(onIssued: (tokens: IssuedTokens) => void) {
  return useKeysMutation({
    mutationFn: async (keyId: string) => {
      const body = await fetchJson<GenerateTokensResponse>(keyUrl(keyId, "tokens"), {
        method: "POST",
      });
      onIssued(body.tokens);
      return body.key;
    },
    successTitle: (key) => `New tokens generated for ${displayLabel(key)}`,
    failureTitle: (label) => `Could not generate tokens${label ? ` for ${label}` : ""}`,
    keyId: (keyId) => keyId,
    group: (keyId) => `tokens:${keyId}`,
  });
}

export function useSaveKeySettings() {
  return useKeysMutation({
    mutationFn: async ({ keyId, settings }: { keyId: string; settings: KeySettingsInput }) => {
      const body = await fetchJson<KeyResponse>(keyUrl(keyId, "settings"), {
        method: "PUT",
        json: settings,
      });
      return body.key;
    },
    successTitle: (key) => `Settings saved for ${displayLabel(key)}`,
    failureTitle: (label) => `Could not save the settings${label ? ` of ${label}` : ""}`,
    keyId: ({ keyId }) => keyId,
    group: ({ keyId }) => `settings:${keyId}`,
  });
}

export function useSetEnhancedSecurity() {
  return useKeysMutation({
    mutationFn: async ({ keyId, enabled }: { keyId: string; enabled: boolean }) => {
      const body = await fetchJson<KeyResponse>(keyUrl(keyId, "enhanced-security"), {
        method: "PUT",
        json: { enabled },
      });
      return body.key;
    },
    successTitle: (key, { enabled }) =>
      `Enhance Security turned ${enabled ? "on" : "off"} for ${displayLabel(key)}`,
    failureTitle: (label) => `Could not change Enhance Security${label ? ` for ${label}` : ""}`,
    keyId: ({ keyId }) => keyId,
    group: ({ keyId }) => `enhanced-security:${keyId}`,
  });
}

export function useRevokeKey() {
  return useKeysMutation({
    mutationFn: async (keyId: string) => {
      const body = await fetchJson<KeyResponse>(keyUrl(keyId, "revoke"), { method: "POST" });
      return body.key;
    },
    successTitle: (key) => `${displayLabel(key)} revoked`,
    failureTitle: (label) => `Could not revoke ${label ?? "the API key"}`,
    keyId: (keyId) => keyId,
    group: (keyId) => `revoke:${keyId}`,
  });
}
