import { describe, expect, it } from "vitest";
import { isHttpUrl } from "../../src/common/http-url.js";

describe("isHttpUrl", () => {
  it("accepts absolute http and https URLs only", () => {
    expect(isHttpUrl("https://example.org/a?b=1")).toBe(true);
    expect(isHttpUrl("http://127.0.0.1:8081")).toBe(true);
    for (const url of ["ftp://example.org", "javascript:alert(1)", "tg://user?id=1", "example.org", ""]) {
      expect(isHttpUrl(url), url).toBe(false);
    }
  });
});
