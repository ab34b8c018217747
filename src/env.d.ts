/// <reference types="vite-plugin-pwa/vanillajs" />

/** The app version from package.json, injected by Vite's `define` (vite.config.ts). */
declare const __APP_VERSION__: string;
