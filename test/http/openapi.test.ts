import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from '../../scripts/openapi.ts';

describe('OpenAPI document', () => {
  it('docs/openapi.json is the one the server generates (run `npm run openapi` after changing a route)', async () => {
    const generated = await generateOpenApi();
    expect(fs.readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')).toBe(generated);
    const spec = JSON.parse(generated);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/admin-units/{code}', '/api/health']),
    );
    expect(spec.paths['/api/admin-units/{code}/villages'].post.requestBody).toBeDefined();
  });
});
