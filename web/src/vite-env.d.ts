// Vite's types for the web app: import.meta.env, asset imports.
/// <reference types="vite/client" />
