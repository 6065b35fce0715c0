/**
 * Prints an HTML document to PDF bytes. The core cannot print by itself; each face supplies
 * one: the Electron shell prints in an offscreen window, the headless host and the CLI drive a
 * system Chromium (chromium-pdf.ts).
 */
export type HtmlToPdf = (html: string) => Promise<Uint8Array>;
