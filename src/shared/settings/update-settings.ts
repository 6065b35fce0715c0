import { z } from 'zod';

/**
 * Where the desktop app looks for updates. Workstations are offline, so the source is an
 * internal file server or a folder (a LAN share, a USB drive) holding what a release build
 * writes: the installers and their latest*.yml. Updates are off until an administrator
 * turns them on.
 */
export const UPDATE_PROVIDERS = ['generic'] as const;

export type UpdateSourceKind = 'http' | 'file-url' | 'path';

/**
 * What kind of location an update URL names, or null if it names none: an http(s) URL, a
 * file:// URL, or an absolute path (POSIX, a Windows drive path or a UNC share).
 */
export function updateSourceKind(url: string): UpdateSourceKind | null {
  const text = url.trim();
  if (/^https?:\/\/[^\s/]+/i.test(text)) return 'http';
  if (/^file:\/\/[^\s]*\/[^\s]/i.test(text)) return 'file-url';
  if (/^\/[^/]/.test(text) || /^[A-Za-z]:[\\/]/.test(text) || /^\\\\[^\\]+\\[^\\]+/.test(text)) return 'path';
  return null;
}

export const updateSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    provider: z.enum(UPDATE_PROVIDERS).default('generic'),
    /** The update location; empty until an administrator sets one. */
    url: z.string().trim().max(2048).default(''),
    /**
     * An update is installed only after its sha512 (from latest*.yml) matches and, on Windows,
     * its Authenticode publisher matches this build's. That is not a choice an operator may
     * turn off: a stored `false` is refused and the settings fall back to their defaults.
     */
    verify: z.literal(true).default(true),
    checkOnStart: z.boolean().default(false),
  })
  .refine((settings) => !settings.enabled || updateSourceKind(settings.url) !== null, {
    path: ['url'],
    message: 'updates need an http(s) URL, a file:// URL or an absolute folder path',
  });

export type UpdateSettings = z.infer<typeof updateSettingsSchema>;

export const DEFAULT_UPDATE_SETTINGS: UpdateSettings = updateSettingsSchema.parse({});
