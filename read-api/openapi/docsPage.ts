import type { OpenApiDocument, OpenApiOperation } from './openApiDocument';

/**
 * /api/docs: the document rendered as one static HTML page on the server. No script and
 * nothing from a CDN (the machines have no internet, and helmet's CSP forbids inline
 * scripts anyway); schemas are shown as JSON in collapsible sections.
 */
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const schemaBlock = (label: string, schema: unknown): string =>
  `<details><summary>${escapeHtml(label)}</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`;

function authOf(operation: OpenApiOperation): string {
  if (operation.security.length === 0) return 'no token';
  return operation.security.some((requirement) => Object.keys(requirement).length === 0) ? 'bearer token optional' : 'bearer token required';
}

function operationHtml(method: string, path: string, operation: OpenApiOperation): string {
  const parameters = operation.parameters.length
    ? `<table><thead><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr></thead><tbody>${operation.parameters
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code>${
              p.description ? `<br>${escapeHtml(p.description)}` : ''
            }</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const body = operation.requestBody
    ? Object.entries(operation.requestBody.content)
        .map(([type, { schema }]) => schemaBlock(`request body (${type})`, schema))
        .join('')
    : '';
  const responses = Object.entries(operation.responses)
    .map(([status, response]) => {
      const content = Object.entries(response.content ?? {})
        .map(([type, { schema }]) => schemaBlock(type, schema))
        .join('');
      return `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(response.description)}${content}</li>`;
    })
    .join('');
  return `<section id="${escapeHtml(operation.operationId)}">
<h3><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(operation.summary)} <em>(${authOf(operation)})</em></p>
${operation.description ? `<p>${escapeHtml(operation.description)}</p>` : ''}${parameters}${body}<ul>${responses}</ul>
</section>`;
}

export function docsPage(document: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const tag = operation.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, operation)]);
    }
  }
  const sections = [...byTag].map(([tag, operations]) => `<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${operations.join('\n')}`).join('\n');
  const contents = [...byTag.keys()].map((tag) => `<a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a>`).join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:72rem;margin:0 auto;padding:1rem;line-height:1.4;color:#1a1a1a}
section{border-top:1px solid #ccc;padding:.5rem 0}
.method{display:inline-block;min-width:3.5rem;font-weight:bold;color:#0b5394}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}
pre{background:#f4f4f4;padding:.5rem;overflow:auto;max-height:30rem}
</style></head>
<body><header><h1>${escapeHtml(document.info.title)} <small>${escapeHtml(document.info.version)}</small></h1>
<p>${escapeHtml(document.info.description)} The machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${document.openapi}).</p>
<nav>${contents}</nav></header>
<main>${sections}</main></body></html>`;
}
