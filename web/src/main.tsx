// Entry point. Styles: the DSFR sheet (fonts bundled, offline) and only the icons the app uses.
import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
import 'virtual:dsfr-icons.css';
import './styles.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link } from 'react-router';
import { App } from './app.tsx';
import { I18nProvider, useLang } from './i18n/index.tsx';
import { SessionProvider } from './session.tsx';

// react-dsfr's components render router links and follow the chosen language. In a single-page
// app it sets the colour scheme from JavaScript: no inline script (the CSP forbids them).
startReactDsfr({ defaultColorScheme: 'system', Link, useLang });

declare module '@codegouvfr/react-dsfr/spa' {
  // Declaration merging with react-dsfr's own interface: a `type` cannot do this.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface RegisterLink {
    Link: typeof Link;
  }
}

// The service worker (web/public/service-worker.js) keeps the calendar readable offline and shows
// pushed notifications. Not under Vite's dev server (import.meta.hot), which serves changing files.
if ('serviceWorker' in navigator && !import.meta.hot) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/service-worker.js').catch(() => {
      // Offline use is a convenience: the app works without it.
    });
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <I18nProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </I18nProvider>
    </BrowserRouter>
  </StrictMode>,
);
