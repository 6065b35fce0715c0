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

/**
 * What happens to an alert nobody acknowledges: after `afterMinutes` it goes one level up (at
 * most `maxLevel`), shows a desktop notification, and calls the webhook and the command when
 * they are set. The webhook gets the alert as JSON by POST; the command runs without a shell,
 * its argv as given, the alert as JSON in DEDUCTION_ALERT.
 */
export const escalationSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  afterMinutes: z.number().min(1).max(7 * 24 * 60).default(15),
  maxLevel: z.int().min(1).max(10).default(3),
  webhookUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null),
  webhookTimeoutMs: z.int().min(100).max(120_000).default(5000),
  command: z.array(z.string().min(1).max(4000)).max(100).default([]),
  commandTimeoutMs: z.int().min(100).max(600_000).default(30_000),
});

/** Resolved alerts kept: those younger than `keepDays`, and of those at most `keepCount`. */
export const alertRetentionSchema = z.object({
  keepDays: z.number().min(1).max(3650).default(30),
  keepCount: z.int().min(100).max(1_000_000).default(5000),
});

/** Each rule's switch and threshold; the thresholds default to the IT-ops design's. */
export const alertSettingsSchema = z.object({
  onNodeFailure: z.boolean().default(true),
  onNodeTimeout: z.boolean().default(true),
  onEngineLost: z.boolean().default(true),
  onFailureRate: z.boolean().default(true),
  /** Share of ended agents that failed, above which a task raises an alert (the design's error rate, 5%). */
  failureRateThreshold: z.number().min(0).max(1).default(0.05),
  onHealthScore: z.boolean().default(true),
  /** Health score (0–100) below which a task raises an alert. */
  healthScoreThreshold: z.number().min(0).max(100).default(60),
  onRunTime: z.boolean().default(true),
  /** A task running longer than this raises an alert (the design's 1 h). */
  runTimeThresholdMinutes: z.number().min(1).max(365 * 24 * 60).default(60),
  onResourceUse: z.boolean().default(true),
  /** Share of CPU (or of the memory limit below) one of a task's agents may use before it raises an alert (the design's 80%). */
  resourceUseThreshold: z.number().min(0).max(10).default(0.8),
  /** An agent's memory budget in MB; unset, only CPU counts towards resource use (an Engine does not report its agents' memory limits). */
  agentMemoryLimitMb: z.number().min(1).max(16 * 1024 * 1024).nullable().default(null),
  desktopNotifications: z.boolean().default(true),
  escalation: escalationSettingsSchema.default(escalationSettingsSchema.parse({})),
  retention: alertRetentionSchema.default(alertRetentionSchema.parse({})),
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

/** A local time of day, HH:MM on the 24-hour clock. */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The daily backup, as the IT-ops design keeps it: compressed, verified, kept for a number of
 * days, settings included (Engine tokens only when asked). `folder` null: a `backups` folder
 * beside the database.
 */
export const backupSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  folder: z.string().trim().min(1).max(4096).nullable().default(null),
  timeOfDay: z.string().regex(TIME_OF_DAY_PATTERN, 'expected a time of day as HH:MM (00:00–23:59)').default('02:00'),
  retentionDays: z.int().min(1).max(3650).default(30),
  includeSecrets: z.boolean().default(false),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

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
  backups: backupSettingsSchema.default(backupSettingsSchema.parse({})),
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
  backups: backupSettingsSchema.optional(),
} satisfies { [K in keyof z.infer<typeof settingsSchema>]: z.ZodType });
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
