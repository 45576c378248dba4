import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, responses, unitCode } from '../../server/schemas.ts';
import { announceLevel } from './announcements-store.ts';
import {
  announcementHistory,
  replay,
  riskLevels,
  storeAssessments,
  storedAssessments,
  whyLevel,
} from './assessment-store.ts';
import { levelMap } from './map-store.ts';
import { reviseStoredRuleSet, saveRuleSet, visibleRuleSets } from './rule-sets-store.ts';
import { type RevisionInput, type RiskRuleSet, setProvisional } from './rules/rule-sets.ts';
import {
  announceBody,
  announcement,
  historyAnswer,
  mapAnswer,
  replayAnswer,
  revisionBody,
  riskLevelsAnswer,
  ruleSetAnswer,
  ruleSetBody,
  weekParam,
  whyAnswer,
} from './schemas.ts';

const ruleSetId = z
  .string()
  .max(60)
  .optional()
  .describe('Replay under this rule set (default: the one in force)');

export function riskLevelRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/risk-levels',
    {
      config: { access: { permission: 'riskLevels.read' }, readOnly: true },
      schema: {
        tags: ['risk-levels'],
        summary:
          "A week's risk level of a unit and of each unit below it, with the criteria (proposed and announced)",
        operationId: 'getRiskLevels',
        querystring: z.object({ unit: unitCode, week: weekParam, ruleSet: ruleSetId }),
        response: responses({ 200: riskLevelsAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      riskLevels(
        request.ctx.db,
        request.ctx.scope,
        request.query.unit,
        request.query.week,
        request.query.ruleSet,
      ),
  );
  r.get(
    '/api/risk-levels/why',
    {
      config: { access: { permission: 'riskLevels.read' }, readOnly: true },
      schema: {
        tags: ['risk-levels'],
        summary:
          "Why this level: each criterion's value and band, every rule and the one that decided, the rule set",
        operationId: 'getRiskLevelWhy',
        querystring: z.object({ unit: unitCode, week: weekParam, ruleSet: ruleSetId }),
        response: responses({ 200: whyAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      whyLevel(
        request.ctx.db,
        request.ctx.scope,
        request.query.unit,
        request.query.week,
        request.query.ruleSet,
      ),
  );
  r.get(
    '/api/risk-levels/replay',
    {
      config: { access: { permission: 'riskLevels.read' }, readOnly: true },
      schema: {
        tags: ['risk-levels'],
        summary: 'A week under two rule sets side by side: which communes would change, and why',
        operationId: 'replayRiskLevels',
        querystring: z.object({
          unit: unitCode,
          week: weekParam,
          a: z.string().max(60),
          b: z.string().max(60),
        }),
        response: responses({ 200: replayAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) =>
      replay(
        request.ctx.db,
        request.ctx.scope,
        request.query.unit,
        request.query.week,
        request.query.a,
        request.query.b,
      ),
  );
  r.get(
    '/api/risk-levels/map',
    {
      config: { access: { permission: 'riskLevels.read' }, readOnly: true },
      schema: {
        tags: ['risk-levels'],
        summary:
          "The unit's province: its districts' shapes (SVG paths) and levels, and the communes' levels",
        operationId: 'getRiskLevelMap',
        querystring: z.object({ unit: unitCode, week: weekParam }),
        response: responses({ 200: mapAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) => levelMap(request.ctx.db, request.ctx.scope, request.query.unit, request.query.week),
  );
  r.post(
    '/api/risk-levels/recompute',
    {
      config: { access: { permission: 'riskLevels.announce' } },
      schema: {
        tags: ['risk-levels'],
        summary: "Compute and store a week's levels of a unit and the units below it (audited)",
        operationId: 'recomputeRiskLevels',
        body: z.object({ unit: unitCode, week: weekParam }),
        response: responses({
          200: z.object({ week: z.string(), units: z.number() }),
          ...errorResponses(404),
        }),
      },
    },
    async (request) =>
      storeAssessments(request.ctx.db, request.ctx.scope, request.body.unit, request.body.week),
  );
  r.get(
    '/api/risk-levels/announcements',
    {
      config: { access: { permission: 'riskLevels.read' }, readOnly: true },
      schema: {
        tags: ['risk-levels'],
        summary: "A unit's history: announced levels and stored proposals, newest first",
        operationId: 'listRiskAnnouncements',
        querystring: z.object({ unit: unitCode }),
        response: responses({ 200: historyAnswer, ...errorResponses(403, 404) }),
      },
    },
    async (request) => {
      const proposals = await storedAssessments(request.ctx.db, request.ctx.scope, request.query.unit);
      return { announcements: await announcementHistory(request.ctx.db, request.query.unit), proposals };
    },
  );
  r.post(
    '/api/risk-levels/announcements',
    {
      config: { access: { permission: 'riskLevels.announce' } },
      schema: {
        tags: ['risk-levels'],
        summary: "Announce a unit's level for a week (who, decision number and date; a reason if it differs)",
        operationId: 'announceRiskLevel',
        body: announceBody,
        response: responses({ 200: announcement, ...errorResponses(404) }),
      },
    },
    async (request) => announceLevel(request.ctx.db, request.ctx.scope, request.body),
  );
  r.get(
    '/api/risk-levels/rule-sets',
    {
      config: { access: { permission: 'riskLevels.read' }, readOnly: true },
      schema: {
        tags: ['risk-levels'],
        summary: "The national rule sets and the caller's provinces' variants, provisional values flagged",
        operationId: 'listRiskRuleSets',
        response: responses({ 200: z.object({ ruleSets: z.array(ruleSetAnswer) }) }),
      },
    },
    async (request) => {
      const sets = await visibleRuleSets(request.ctx.db, request.ctx.scope);
      return { ruleSets: sets.map((s) => ({ ...s, provisional: setProvisional(s) })) };
    },
  );
  r.post(
    '/api/risk-levels/rule-sets',
    {
      config: { access: { permission: 'riskLevels.ruleSets' } },
      schema: {
        tags: ['risk-levels'],
        summary: "Store a province's own rule set (a new version if the id exists; checked, audited)",
        operationId: 'saveRiskRuleSet',
        body: ruleSetBody,
        response: responses({ 200: ruleSetAnswer, ...errorResponses(404, 409) }),
      },
    },
    async (request) => {
      const set = await saveRuleSet(
        request.ctx.db,
        request.ctx.scope,
        request.body as Omit<RiskRuleSet, 'version'>,
      );
      return { ...set, provisional: setProvisional(set) };
    },
  );
  r.post(
    '/api/risk-levels/rule-sets/:id/revisions',
    {
      config: { access: { permission: 'riskLevels.ruleSets' } },
      schema: {
        tags: ['risk-levels'],
        summary:
          "A new version of a rule set with the provisional values a document sets (national sets: the country's administrator)",
        operationId: 'reviseRiskRuleSet',
        params: z.object({ id: z.string().max(60) }),
        body: revisionBody,
        response: responses({ 200: ruleSetAnswer, ...errorResponses(404) }),
      },
    },
    async (request) => {
      const set = await reviseStoredRuleSet(
        request.ctx.db,
        request.ctx.scope,
        request.params.id,
        request.body as RevisionInput,
      );
      return { ...set, provisional: setProvisional(set) };
    },
  );
}
