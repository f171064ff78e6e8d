/**
 * Shapes of head office's services API (docs/services.md "Defined at head office"): a service
 * or package and a staff commission rule are asked for with the core's definitions, and answered
 * as they are kept and sent down to every store.
 */
import { z } from "zod";
import { commissionRuleChangeValue, serviceChangeValue } from "../../core/services/definitions.ts";

export {
  commissionRuleDefinitionSchema as hqCommissionRuleInputSchema,
  serviceDefinitionSchema as hqServiceInputSchema,
} from "../../core/services/definitions.ts";

export const hqServiceAnswerSchema = serviceChangeValue;
export const hqServicesAnswerSchema = z.object({ services: z.array(hqServiceAnswerSchema) });
export const hqCommissionRuleAnswerSchema = commissionRuleChangeValue;
export const hqCommissionRulesAnswerSchema = z.object({ rules: z.array(hqCommissionRuleAnswerSchema) });
export const hqCommissionRulesQuerySchema = z.object({ all: z.enum(["true", "false"]).optional() });
