/**
 * A regulation's values as a dated rule set (shared/domain/rules.md, "How SafeAdapt must hold these rules"):
 * named by its legal basis, in force between two days, with every value a text did not set flagged
 * provisional. Pure.
 */
export interface DatedRuleSet {
  id: string;
  /** Vietnamese name, as the UI shows it. */
  name: string;
  legalBasis: string;
  legalBasisProvisional: boolean;
  effectiveFrom: string;
  /** Last day in force; null while in force. */
  effectiveTo: string | null;
  effectiveDatesProvisional: boolean;
}

/** The set in force on `day` (ISO), or null before the first one. */
export function ruleSetInForce<S extends DatedRuleSet>(ruleSets: readonly S[], day: string): S | null {
  return ruleSets.find((s) => s.effectiveFrom <= day && (!s.effectiveTo || day <= s.effectiveTo)) ?? null;
}

/** What a computed result says about its rule set: which one, and whether anything in it is provisional. */
export function ruleSetRef(set: DatedRuleSet, valuesProvisional = false) {
  return {
    id: set.id,
    name: set.name,
    legalBasis: set.legalBasis,
    provisional: valuesProvisional || set.legalBasisProvisional || set.effectiveDatesProvisional,
  };
}
export type RuleSetRef = ReturnType<typeof ruleSetRef>;
