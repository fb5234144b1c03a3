// One bland layout for every email: plain paragraphs, one button, no images, no
// tracking pixels, no health details. Every template renders through it, so the
// HTML and the text versions always say the same thing.

export type RenderedEmail = { subject: string; text: string; html: string };

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

export function renderLayout({
  subject,
  intro,
  action,
  outro,
}: {
  subject: string;
  intro: string[];
  action: { label: string; url: string };
  outro: string[];
}): RenderedEmail {
  const text = [...intro, `${action.label}: ${action.url}`, ...outro, "Heartwork"].join("\n\n");

  const paragraph = (p: string) =>
    `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:#222">${escapeHtml(p)}</p>`;
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif">
<div style="max-width:520px;margin:0 auto">
${intro.map(paragraph).join("\n")}
<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 20px;background:#963330;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(action.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;line-height:1.5;color:#555">If the button does not work, copy this address into your browser:<br>${escapeHtml(action.url)}</p>
${outro.map(paragraph).join("\n")}
<p style="margin:24px 0 0;font-size:14px;color:#555">Heartwork</p>
</div>
</body>
</html>
`;
  return { subject, text: `${text}\n`, html };
}
