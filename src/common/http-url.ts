/**
 * Whether `text` is an absolute http(s) URL: what a setting such as TELEGRAM_API_ROOT must be, and the only
 * links Telegram accepts in a URL button (and the only ones made into <a> tags).
 */
export function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}
