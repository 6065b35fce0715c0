import { z } from 'zod';

/**
 * What starts a task by itself, as a template declares it (the IT-ops design's `triggers`):
 * a schedule (a cron expression in a time zone), a file appearing in a watched folder, or an
 * authenticated HTTP call to the headless host. Each starts a task of the template with the
 * trigger's variables, merged with what the event carries (the file's path, the call's body).
 */
export const TRIGGER_KINDS = ['schedule', 'file', 'http'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

/** What a schedule does about the firings it missed while the app was closed: none, or one run for all of them. */
export const CATCH_UP_POLICIES = ['skip', 'once'] as const;
export type CatchUpPolicy = (typeof CATCH_UP_POLICIES)[number];

const triggerName = z.string().trim().min(1).max(200);
const triggerVariables = z.record(z.string(), z.json());

export const scheduleTriggerSchema = z.object({
  type: z.literal('schedule'),
  name: triggerName.optional(),
  /** Five or six fields (seconds first when six), as the cron library reads them. */
  cron: z.string().trim().min(1).max(200),
  /** An IANA time zone such as Asia/Shanghai; the machine's own when left out. */
  timezone: z.string().min(1).max(100).optional(),
  catchUp: z.enum(CATCH_UP_POLICIES).default('skip'),
  variables: triggerVariables.optional(),
});

export const fileTriggerSchema = z.object({
  type: z.literal('file'),
  name: triggerName.optional(),
  folder: z.string().min(1).max(4096),
  /** A glob over file names (`*.csv`); every file when left out. */
  pattern: z.string().min(1).max(200).optional(),
  variables: triggerVariables.optional(),
});

export const httpTriggerSchema = z.object({
  type: z.literal('http'),
  name: triggerName.optional(),
  variables: triggerVariables.optional(),
});

export const triggerSpecSchema = z.discriminatedUnion('type', [scheduleTriggerSchema, fileTriggerSchema, httpTriggerSchema]);

export type TriggerSpec = z.infer<typeof triggerSpecSchema>;
export type TriggerSpecInput = z.input<typeof triggerSpecSchema>;
