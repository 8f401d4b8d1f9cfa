// The embedded provider's pages: plain server-rendered HTML in French, DSFR-looking, with no
// script (the CSP forbids inline scripts) and the RGAA basics: lang, landmarks, one h1, labels,
// visible focus, errors tied to their fields with aria-describedby.
import type { IdentityAudience } from './add-demo-identities.ts';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:Marianne,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#161616;background:#f6f6f6;line-height:1.5}
a{color:#000091}
:focus-visible{outline:2px solid #0a76f6;outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header{background:#fff;border-bottom:1px solid #ddd;box-shadow:0 1px 3px rgba(0,0,18,.16)}
header .inner,main,footer .inner{max-width:40rem;margin:0 auto;padding:1rem}
.brand{font-weight:700;font-size:1.25rem;margin:0}
.tagline{margin:0;color:#3a3a3a}
.badge{display:inline-block;background:#fee7fc;color:#6e445a;font-weight:700;font-size:.875rem;padding:0 .5rem;border-radius:.25rem;text-transform:uppercase}
main{background:#fff;margin-top:2rem;border:1px solid #ddd}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem}
label{display:block;font-weight:500;margin-bottom:.25rem}
.hint{display:block;font-size:.875rem;color:#666}
input{display:block;width:100%;font:inherit;padding:.5rem 1rem;border:0;border-radius:.25rem .25rem 0 0;background:#eee;box-shadow:inset 0 -2px 0 0 #3a3a3a}
.group{margin-bottom:1.5rem}
.group.is-invalid{border-left:2px solid #ce0500;padding-left:.75rem}
.group.is-invalid input{box-shadow:inset 0 -2px 0 0 #ce0500}
.error{color:#ce0500;margin:.25rem 0 0}
.alert{border:1px solid #ce0500;border-left:.5rem solid #ce0500;padding:.75rem 1rem;margin-bottom:1.5rem}
.alert p{margin:0}
.notice{background:#e8edff;padding:.75rem 1rem;margin-bottom:1.5rem}
.notice p{margin:0}
button{font:inherit;font-weight:500;padding:.5rem 1.5rem;border:1px solid #000091;background:#000091;color:#fff;cursor:pointer;min-height:2.5rem}
button:hover{background:#1212ff}
button.secondary{background:#fff;color:#000091}
button.secondary:hover{background:#f6f6f6}
.actions{display:flex;flex-wrap:wrap;gap:1rem;margin-top:1rem}
.actions form{margin:0}
code{font-size:.95em;background:#f6f6f6;padding:0 .25rem}
ul.accounts{padding-left:1.25rem}
footer{font-size:.875rem;color:#3a3a3a}
`;

const layout = ({ title, main }: { title: string; main: string }) => `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Fournisseur d'identité de démonstration (simule FranceConnect / ProConnect)</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header>
<div class="inner">
<p class="brand">Fournisseur d'identité de démonstration <span class="badge">démo</span></p>
<p class="tagline">Simule FranceConnect pour les particuliers et ProConnect pour les agents.</p>
</div>
</header>
<main id="contenu" tabindex="-1">
${main}
</main>
<footer><div class="inner"><p>Service de démonstration : n'y saisissez jamais vos vrais identifiants FranceConnect ou ProConnect.</p></div></footer>
</body>
</html>`;

const PORTALS: Record<IdentityAudience, { name: string; simulates: string }> = {
  citizen: { name: 'Espace particulier', simulates: 'FranceConnect' },
  agent: { name: 'Espace agent', simulates: 'ProConnect' },
};

export type LoginPageInput = {
  uid: string;
  audience: IdentityAudience;
  login?: string;
  /** A message about the whole form (wrong credentials), or about one field. */
  error?: { message: string; field?: 'login' | 'password' };
  demoLogins: string[];
  demoPassword: string;
};

export const loginPage = ({ uid, audience, login = '', error, demoLogins, demoPassword }: LoginPageInput) => {
  const portal = PORTALS[audience];
  const action = `/idp/interaction/${encodeURIComponent(uid)}`;
  const isFormError = error && !error.field;
  const field = (name: 'login' | 'password', attributes: string, label: string, hint?: string) => {
    const isInvalid = Boolean(error && (error.field === name || isFormError));
    const errorId = error?.field === name ? `${name}-error` : isFormError ? 'form-error' : '';
    const describedBy = [hint ? `${name}-hint` : '', errorId].filter(Boolean).join(' ');
    return `<div class="group${isInvalid ? ' is-invalid' : ''}">
<label for="${name}">${label}${hint ? `<span class="hint" id="${name}-hint">${hint}</span>` : ''}</label>
<input id="${name}" name="${name}" ${attributes}${describedBy ? ` aria-describedby="${describedBy}"` : ''}${isInvalid ? ' aria-invalid="true"' : ''}>
${error?.field === name ? `<p class="error" id="${name}-error">${escapeHtml(error.message)}</p>` : ''}
</div>`;
  };
  const demo = demoLogins.length
    ? `<section aria-labelledby="demo-title">
<h2 id="demo-title">Comptes de démonstration</h2>
<p>Mot de passe de tous ces comptes : <code>${escapeHtml(demoPassword)}</code></p>
<ul class="accounts">${demoLogins.map((demoLogin) => `<li><code>${escapeHtml(demoLogin)}</code></li>`).join('')}</ul>
</section>`
    : '';
  return layout({
    title: `${error ? 'Erreur – ' : ''}Connexion – ${portal.name}`,
    main: `<h1>Se connecter à Guichet</h1>
<p>${portal.name} — ce fournisseur d'identité de démonstration simule ${portal.simulates}.</p>
${isFormError ? `<div class="alert" role="alert" id="form-error"><p>${escapeHtml(error.message)}</p></div>` : ''}
<form method="post" action="${action}/login" novalidate>
${field('login', `type="email" autocomplete="username" spellcheck="false" required value="${escapeHtml(login)}"`, 'Identifiant (adresse e-mail)', 'Format attendu : nom@domaine.fr')}
${field('password', 'type="password" autocomplete="current-password" required', 'Mot de passe')}
<div class="actions"><button type="submit">Se connecter</button></div>
</form>
<form method="post" action="${action}/abort">
<div class="actions"><button type="submit" class="secondary">Annuler et revenir à Guichet</button></div>
</form>
${demo}`,
  });
};

/** The RP-initiated logout confirmation; `form` is oidc-provider's own form (with its xsrf token). */
export const logoutPage = ({ form }: { form: string }) =>
  layout({
    title: 'Déconnexion',
    main: `<h1>Se déconnecter du fournisseur d'identité ?</h1>
<p>Vous êtes déconnecté de Guichet. Voulez-vous aussi fermer votre session sur ce fournisseur d'identité de démonstration ?
Sur un ordinateur partagé, choisissez « Oui ».</p>
${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes">Oui, me déconnecter</button>
<button type="submit" form="op.logoutForm" class="secondary">Non, rester connecté</button>
</div>`,
  });

export const messagePage = ({
  title,
  message,
  link,
}: {
  title: string;
  message: string;
  link: { href: string; label: string };
}) =>
  layout({
    title,
    main: `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
  });
