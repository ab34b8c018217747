/** This build's version (package.json, injected at build time). */
export const APP_VERSION: string = __APP_VERSION__;
