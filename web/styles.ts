import { trusted } from './html';

/**
 * One small stylesheet, inlined in every page: no extra round trip on a slow phone
 * connection, mobile first, system fonts (nothing to download), contrast above WCAG AA.
 */
export const portalStyles = trusted(`
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f6f7f9}
a{color:#0b4f9c}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:2}
header.site{background:#8c1515;color:#fff;padding:8px 16px}
header.site a{color:#fff}
header.site .brand{font-weight:700;font-size:1.25rem;text-decoration:none}
header.site .tagline{display:block;font-size:.8rem}
nav.main ul{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
main{max-width:60rem;margin:0 auto;padding:16px}
footer.site{max-width:60rem;margin:0 auto;padding:16px;font-size:.85rem;color:#444}
h1{font-size:1.6rem;line-height:1.2}
.card{background:#fff;border:1px solid #d0d4da;border-radius:6px;padding:12px 16px;margin:0 0 12px}
.field{margin:0 0 16px}
label,legend{font-weight:600;display:block}
.hint{color:#4a4a4a;font-size:.9rem;margin:2px 0 4px}
input[type=text],input[type=email],input[type=tel],input[type=date],input[type=search],select,textarea{width:100%;max-width:40rem;font:inherit;padding:8px;border:1px solid #6b6f75;border-radius:4px;background:#fff}
textarea{min-height:10rem}
.check{display:flex;gap:8px;align-items:flex-start;font-weight:400}
.check input{margin-top:6px;width:20px;height:20px}
button,.button{display:inline-block;font:inherit;font-weight:600;padding:10px 18px;border-radius:4px;border:2px solid #0b4f9c;background:#0b4f9c;color:#fff;text-decoration:none;cursor:pointer}
button.secondary,.button.secondary{background:#fff;color:#0b4f9c}
.error{color:#a30000;font-weight:600}
.error-summary{border:3px solid #a30000;background:#fff;padding:8px 16px;margin:0 0 16px}
[aria-invalid=true]{border-color:#a30000;border-width:2px}
.notice{border-left:6px solid #0b4f9c;background:#fff;padding:8px 16px}
.secret{font:700 1.4rem/1.4 ui-monospace,monospace;letter-spacing:.05em}
.badge{display:inline-block;padding:2px 8px;border-radius:12px;background:#e6ecf5;color:#12305a;font-size:.85rem}
.badge.ok{background:#dff3e4;color:#0d4d1f}.badge.bad{background:#fbe3e3;color:#7a0000}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #d0d4da;vertical-align:top}
.chart{display:grid;gap:12px;grid-template-columns:1fr}
@media (min-width:48rem){.chart{grid-template-columns:3fr 2fr}}
.chart svg{width:100%;height:auto;background:#fff}
ol.timeline{padding-left:1.2rem}
.inline-form{display:inline}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
pre.data{white-space:pre-wrap;word-break:break-all;font-size:.8rem;margin:4px 0 0}
.scroll{overflow-x:auto;max-width:100%}.chart>*{min-width:0}
code.hash{overflow-wrap:anywhere}dl.facts dd{min-width:0;overflow-wrap:anywhere}
`);
