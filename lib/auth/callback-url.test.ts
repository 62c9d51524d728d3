import { describe, expect, it } from "vitest";

import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a path of this site with its query and fragment", () => {
    expect(safeCallbackUrl("/support/audit?type=api.authorize&merchant=m#top")).toBe(
      "/support/audit?type=api.authorize&merchant=m#top",
    );
    expect(safeCallbackUrl(["/account-security/api-secret-key", "/other"])).toBe(
      "/account-security/api-secret-key",
    );
  });

  it.each([
    ["nothing", undefined],
    ["another host", "//evil.example/x"],
    ["an absolute URL", "https://evil.example/x"],
    ["a relative path", "evil"],
    ["a backslash", "/\\evil.example"],
    ["a tab after the slash", "/\t/evil.example/x"],
    ["a newline after the slash", "/\n/evil.example/x"],
    ["a carriage return", "/\r/evil.example/x"],
  ])("sends %s to the home page", (_name, value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });
});
