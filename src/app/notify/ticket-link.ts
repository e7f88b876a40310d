/*
 * The site's public address for links in messages. Messages are written by the worker and by
 * use cases, far from any request, and the `Host` header is never trusted for links anyway; so
 * the runtime sets the address once from PUBLIC_URL at start.
 */
let configuredPublicUrl: string | undefined;

/** Sets the public address (`https://antrean.example.go.id`, no trailing slash) links in messages start with. */
export function setMessagePublicUrl(url: string | undefined): void {
  configuredPublicUrl = url?.replace(/\/+$/, '') || undefined;
}

/**
 * The ticket's link, `PUBLIC_URL/t/CODE`. Without PUBLIC_URL it is the path alone, as share
 * links are (see the README): a message then still names the page, and the code in it is what
 * the desk needs. The server warns at start when PUBLIC_URL is unset.
 */
export function ticketLink(code: string, publicUrl: string | undefined = configuredPublicUrl): string {
  return `${publicUrl ?? ''}/t/${code}`;
}
