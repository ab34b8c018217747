// The base theme first: feature styles, loaded with their components, come after it.
import './ui/theme.css';
import './ui/queue.css';
import './ui/contrast.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bootEarly } from './app/boot';
import { Root } from './app/Root';
import { DEFAULT_IDLE_TIMING } from './domain/idle';

const container = document.getElementById('root');
if (container) {
  // Storage opens while React renders for the first time (src/app/boot.ts).
  const early = bootEarly();
  createRoot(container).render(
    <StrictMode>
      <Root early={early} />
    </StrictMode>,
  );
}
// After the page has loaded: registering must not compete with the door's first render.
window.addEventListener(
  'load',
  () =>
    void import('./pwa/service-worker').then((m) =>
      m.startServiceWorker(DEFAULT_IDLE_TIMING.updateCheckEveryMs),
    ),
  {
    once: true,
  },
);
