import fs from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateOpenApi } from '../../scripts/openapi.ts';
import { openDb } from '../../src/db/connection.ts';
import { buildApp } from '../../src/server/app.ts';
import { responses } from '../../src/server/schemas.ts';

interface Operation {
  operationId?: string;
  requestBody?: unknown;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: object }> }>;
}

const generated = await generateOpenApi();
const spec = JSON.parse(generated) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
);

describe('OpenAPI document', () => {
  it('docs/openapi.json is the one the server generates (run `npm run openapi` after changing a route)', () => {
    expect(fs.readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')).toBe(generated);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/admin-units/{code}', '/api/health']),
    );
    expect(spec.paths['/api/admin-units/{code}/villages']!.post!.requestBody).toBeDefined();
    expect((JSON.parse(generated) as { servers: unknown[] }).servers).toEqual([
      expect.objectContaining({ url: '/' }),
    ]);
  });

  it('is a valid OpenAPI document (swagger-parser) with no Redocly error (recommended rules)', async () => {
    await expect(SwaggerParser.validate(JSON.parse(generated))).resolves.toBeDefined();
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: generated, absoluteRef: 'docs/openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((e) => `${e.ruleId}: ${e.message} at ${e.location[0]?.pointer}`)).toEqual([]);
    // The warnings left: the health check and the calendar have no 4XX answer (they have none to give).
    expect(problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}`).sort()).toEqual([
      'operation-4xx-response #/paths/~1api~1calendar/get/responses',
      'operation-4xx-response #/paths/~1api~1health/get/responses',
    ]);
  });

  it('names every operation once and describes a success answer with its body or media type', () => {
    expect(operations.length).toBeGreaterThanOrEqual(77);
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id || !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const problems: string[] = [];
    for (const { name, op } of operations) {
      const success = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith('2'));
      if (!success.length) problems.push(`${name}: no 2XX answer`);
      for (const [status, answer] of success) {
        if (!answer.description || answer.description === 'Default Response')
          problems.push(`${name} ${status}: no description`);
        if (status === '204') continue;
        const media = Object.entries(answer.content ?? {});
        if (!media.length || media.some(([, m]) => !m.schema))
          problems.push(`${name} ${status}: no body schema`);
      }
      for (const [status, answer] of Object.entries(op.responses ?? {}))
        if (status >= '400' && !answer.content?.['application/json']?.schema)
          problems.push(`${name} ${status}: no error body`);
    }
    expect(problems).toEqual([]);
  });

  it('in test mode, an answer that drifts from its declared schema fails the request, naming the route', async () => {
    const db = openDb({ databaseUrl: null, sqliteFile: ':memory:' });
    const app = await buildApp({
      db,
      validateResponses: true,
      extraRoutes: (a) =>
        a.get(
          '/api/test/drift',
          {
            config: { access: { public: true } },
            schema: { response: responses({ 200: z.object({ count: z.number().int() }) }) },
          },
          async () => ({ count: 'many' }),
        ),
    });
    const res = await app.inject({ method: 'GET', url: '/api/test/drift' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.message).toContain('GET /api/test/drift → 200');
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    await app.close();
    await db.close();
  });
});
