import type { PageContext } from './http/pageContext';
import { html, type SafeHtml } from './html';
import { portalStyles } from './styles';

/** The navigation a visitor sees, and the consoles their role opens. */
function navigation(ctx: PageContext): SafeHtml {
  const { t, actor } = ctx;
  const link = (href: string, label: string) => html`<li><a href="${href}">${label}</a></li>`;
  const role = actor?.role;
  return html`<nav class="main" aria-label="${t('nav.label')}"><ul>
    ${link('/', t('nav.home'))}${link('/submit', t('nav.submit'))}${link('/track', t('nav.track'))}${link('/complaints', t('nav.browse'))}${link('/stats', t('nav.stats'))}
    ${role === 'reporter' && link('/my', t('nav.mine'))}
    ${role === 'admin' && link('/admin', t('nav.admin'))}
    ${role === 'agency_officer' && link('/agency', t('nav.agency'))}
    ${(role === 'ombudsman' || role === 'admin') && link('/ombudsman', t('nav.ombudsman'))}
    ${actor === undefined ? link('/staff/sign-in', t('nav.staff')) : html`<li><form class="inline-form" method="post" action="/sign-out"><button class="secondary" type="submit">${t('nav.signOut')}</button></form></li>`}
  </ul></nav>`;
}

/** Every page: landmarks, a skip link, the language switch (which comes back to this page). */
export function page(ctx: PageContext, title: string, content: SafeHtml): SafeHtml {
  const { t, language } = ctx;
  const other = language === 'id' ? 'en' : 'id';
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · ${t('site.name')}</title>
<style>${portalStyles}</style>
</head>
<body>
<a class="skip" href="#content">${t('site.skipToContent')}</a>
<header class="site">
  <a class="brand" href="/">${t('site.name')}</a><span class="tagline">${t('site.tagline')}</span>
  <a href="/language/${other}?return=${encodeURIComponent(ctx.path)}" lang="${other}" hreflang="${other}">${t('site.switchTo')}</a>
  ${navigation(ctx)}
</header>
<main id="content" tabindex="-1">
<h1>${title}</h1>
${content}
</main>
<footer class="site">${t('site.footer')}</footer>
</body>
</html>`;
}
