/**
 * The sign-in page: a plain form, no script, styled by reveal-ui's stylesheet.
 */
import { revealUiAssetNames } from '@hushlink/reveal-ui';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Renders `/admin/login`, with an error line after a failed attempt.
 * @param options.next - where a successful sign-in goes, already checked by
 *   `pathAfterSignIn` (default `/admin`); carried through the form as a hidden field.
 */
export function renderLoginPage(options: { error?: string; user?: string; next?: string }): string {
  const css = `/assets/${revealUiAssetNames().css}`;
  const error =
    options.error === undefined
      ? ''
      : `<p class="hl-error" role="alert" id="login-error">${escapeHtml(options.error)}</p>`;
  const describedBy = options.error === undefined ? '' : ' aria-describedby="login-error"';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>Sign in · Secrets</title>
<link rel="stylesheet" href="${css}">
</head>
<body>
<main class="hl-page">
<section class="hl-card">
<h1>Sign in</h1>
<form class="hl-login" method="post" action="/admin/login"${describedBy}>
${error}
<input type="hidden" name="next" value="${escapeHtml(options.next ?? '/admin')}">
<div class="hl-field"><label for="user">User</label><input type="text" id="user" name="user" autocomplete="username" required value="${escapeHtml(options.user ?? '')}"></div>
<div class="hl-field"><label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required></div>
<button type="submit" class="hl-primary">Sign in</button>
</form>
</section>
</main>
</body>
</html>
`;
}
