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
  failureTitle: string;
  group: (variables: TVariables) => string;
};

function useKeysMutation<TVariables>(config: KeysMutationConfig<TVariables>) {
  const queryClient = useQueryClient();
  const toast = useToast();

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
        title: config.failureTitle,
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
    failureTitle: "Could not create the API key",
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
    failureTitle: "Could not generate tokens",
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
    failureTitle: "Could not save the settings",
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
    failureTitle: "Could not change Enhance Security",
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
    failureTitle: "Could not revoke the API key",
    group: (keyId) => `revoke:${keyId}`,
  });
}
