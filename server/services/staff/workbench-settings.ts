/**
 * The installation's workbench settings (issue 9 §2, §4): the stored document when there is a
 * valid one, else the defaults of shared/workbench. Read where a rule needs them (routing, claims,
 * the SLA sweep); written by an institution-wide manager.
 */
import { DEFAULT_WORKBENCH_SETTINGS, type WorkbenchSettings, workbenchSettingsSchema } from '@scrm/shared';
import type { Database, Transaction } from '../../db/client.js';
import { findSettingsDocument } from '../../db/queries/staff.js';

export async function getWorkbenchSettings(db: Database | Transaction): Promise<WorkbenchSettings> {
  const document = await findSettingsDocument(db);
  if (document === null) return DEFAULT_WORKBENCH_SETTINGS;
  // A document saved under an older shape is not trusted field by field: the defaults apply whole.
  const parsed = workbenchSettingsSchema.safeParse(document);
  return parsed.success ? parsed.data : DEFAULT_WORKBENCH_SETTINGS;
}
