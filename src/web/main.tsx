/** Entry point: language, elder mode, base styles, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import './styles/base.css';
import { applyElderMode } from './app/prefs.ts';
import { App } from './app/App.tsx';

applyElderMode();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
