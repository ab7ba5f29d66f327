/**
 * One Content-Security-Policy for every host (Electron app:// protocol, web host, index.html meta).
 * Mantine writes its CSS variables into <style> elements, hence style-src 'unsafe-inline'; scripts
 * are only the bundled files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'self' blob:",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
