// One bland layout for every email: plain paragraphs, one button, no images, no
// tracking pixels, no health details. Every template renders through it, so the
// HTML and the text versions always say the same thing.

export type RenderedEmail = {
  subject: string;
  text: string;
  html: string;
  /** Extra mail headers (a reminder's List-Unsubscribe); the transport adds them. */
  headers?: Record<string, string>;
  /** A calendar invitation (RFC 5545 text), sent as text/calendar and as an .ics attachment. */
  calendar?: { method: "REQUEST" | "CANCEL"; filename: string; content: string };
};

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

type Link = { label: string; url: string };

export function renderLayout({
  subject,
  intro,
  action,
  links = [],
  outro,
}: {
  subject: string;
  intro: string[];
  /** The one button; a message for staff may have none. */
  action?: Link;
  /** Quieter links under the button (e.g. decline, opt out), each on its own line. */
  links?: Link[];
  outro: string[];
}): RenderedEmail {
  const text = [
    ...intro,
    ...(action ? [`${action.label}: ${action.url}`] : []),
    ...links.map((link) => `${link.label}: ${link.url}`),
    ...outro,
    "Heartwork",
  ].join("\n\n");

  const paragraph = (p: string) =>
    `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:#222">${escapeHtml(p)}</p>`;
  const button = (link: Link) =>
    `<p style="margin:24px 0"><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:12px 20px;background:#963330;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(link.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;line-height:1.5;color:#555">If the button does not work, copy this address into your browser:<br>${escapeHtml(link.url)}</p>
`;
  const quietLink = (link: Link) =>
    `<p style="margin:0 0 16px;font-size:15px;line-height:1.5"><a href="${escapeHtml(link.url)}" style="color:#963330">${escapeHtml(link.label)}</a></p>`;
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif">
<div style="max-width:520px;margin:0 auto">
${intro.map(paragraph).join("\n")}
${action ? button(action) : ""}${links.map(quietLink).join("\n")}
${outro.map(paragraph).join("\n")}
<p style="margin:24px 0 0;font-size:14px;color:#555">Heartwork</p>
</div>
</body>
</html>
`;
  return { subject, text: `${text}\n`, html };
}
