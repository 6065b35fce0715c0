import { z } from 'zod';
import { BALANCING_STRATEGIES, engineEndpointSchema } from '../engine/endpoints';
import { DEFAULT_UPDATE_SETTINGS, updateSettingsSchema } from './update-settings';

/**
 * The console's settings. Every field has a default, so a fresh install and a store written
 * by an older version both read as complete settings.
 */
export const LANGUAGES = ['auto', 'en', 'zh-CN'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

/** Shown instead of an Engine token when settings leave the core; sent back, it keeps the stored token. */
export const REDACTED_TOKEN = '********';

export const scoreWeightsSchema = z.object({
  workload: z.number().min(0).max(1000).default(0.3),
  skill: z.number().min(0).max(1000).default(0.4),
  priority: z.number().min(0).max(1000).default(0.3),
});
export type ScoreWeights = z.infer<typeof scoreWeightsSchema>;
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { workload: 0.3, skill: 0.4, priority: 0.3 };

export const engineSettingsSchema = z.object({
  /** `embedded`: the console runs its own Engine on loopback; `remote`: the endpoints below. */
  mode: z.enum(['embedded', 'remote']).default('embedded'),
  endpoints: z.array(engineEndpointSchema).max(100).default([]),
  strategy: z.enum(BALANCING_STRATEGIES).default('round_robin'),
  /** Weights of the score strategy: workload·w + skill·s + priority·p (the design's 0.3, 0.4, 0.3). */
  scoreWeights: scoreWeightsSchema.default(DEFAULT_SCORE_WEIGHTS),
});

export const alertSettingsSchema = z.object({
  onNodeFailure: z.boolean().default(true),
  onNodeTimeout: z.boolean().default(true),
  onEngineLost: z.boolean().default(true),
  /** Share of ended agents that failed, above which a task raises an alert. */
  failureRateThreshold: z.number().min(0).max(1).default(0.2),
  /** Health score (0–100) below which a task raises an alert. */
  healthScoreThreshold: z.number().min(0).max(100).default(60),
  desktopNotifications: z.boolean().default(true),
});

/**
 * The desktop app's "share this console" host: the same HTTP API, socket and window as
 * `deduction serve`, off until asked for, on loopback unless remote access is allowed too.
 */
export const hostSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  port: z.number().int().min(0).max(65535).default(7400),
  address: z.string().trim().min(1).max(255).default('127.0.0.1'),
  allowRemote: z.boolean().default(false),
});
export type HostSettings = z.infer<typeof hostSettingsSchema>;

const operatorNameSchema = z.string().trim().min(1).max(200);

export const settingsSchema = z.object({
  /** Recorded with every operator action taken from this console. */
  operatorName: operatorNameSchema.default('operator'),
  language: z.enum(LANGUAGES).default('auto'),
  theme: z.enum(THEMES).default('system'),
  engines: engineSettingsSchema.default(engineSettingsSchema.parse({})),
  alerts: alertSettingsSchema.default(alertSettingsSchema.parse({})),
  updates: updateSettingsSchema.default(DEFAULT_UPDATE_SETTINGS),
  host: hostSettingsSchema.default(hostSettingsSchema.parse({})),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsKey = keyof Settings;
export const SETTINGS_KEYS = Object.keys(settingsSchema.shape) as SettingsKey[];

/**
 * A change to some top-level settings; each given key is replaced whole (its own fields
 * defaulted), and keys not given are left as they are.
 */
export const settingsPatchSchema = z.object({
  operatorName: operatorNameSchema.optional(),
  language: z.enum(LANGUAGES).optional(),
  theme: z.enum(THEMES).optional(),
  engines: engineSettingsSchema.optional(),
  alerts: alertSettingsSchema.optional(),
  updates: updateSettingsSchema.optional(),
  host: hostSettingsSchema.optional(),
} satisfies { [K in keyof z.infer<typeof settingsSchema>]: z.ZodType });
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
