/**
 * The province map painted by the server (issue 16: "first render on emulated slow 3G ≤ 3 s"): the same answer as
 * GET /api/risk-levels/map, drawn as plain HTML inside index.html — the districts as SVG paths coloured by level
 * and each district's communes as coloured markers — so a phone on a slow link shows the map when the page
 * arrives, seconds before the app's scripts. The answer is inlined too: the map page takes over with it.
 */
import fs from 'node:fs';
import { escapeHtml as esc } from '../../core/text.ts';
import type { FirstPaintPage } from '../../server/feature-manifest.ts';
import { levelMap } from './map-store.ts';
import { LEVEL_FILL } from './rules/rule-sets.ts';
import { weekOf } from './rules/week.ts';
import { riskLevelsEn } from './web/messages.en.ts';
import { riskLevelsVi } from './web/messages.vi.ts';

/** The page's own styles (the app loads the same file with the page's chunk). */
const styles = fs
  .readFileSync(new URL('./web/risk-levels.css', import.meta.url), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ');

type MapAnswer = Awaited<ReturnType<typeof levelMap>>;
const fillOf = (level: number | null) => (level ? LEVEL_FILL[level] : '#ccc');

/** The map answer as the page's HTML (pure), in the markup of MapPage.tsx and LevelMap.tsx. */
export function mapHtml(m: MapAnswer, lang: 'vi' | 'en') {
  const t = (lang === 'en' ? riskLevelsEn : riskLevelsVi).riskLevels;
  const paths = m.districts
    .map(
      (d) =>
        `<path d="${esc(d.path)}" data-code="${esc(d.code)}" fill="${fillOf(d.announcedLevel ?? d.level)}" stroke="#fff" stroke-width="1"><title>${esc(d.name)}</title></path>`,
    )
    .join('');
  const figure = m.districts.length
    ? `<figure class="risk-map"><svg viewBox="0 0 ${m.width} ${m.height}" role="img" aria-label="${esc(`${t.map}: ${m.province.name}`)}" style="width:100%;max-width:${m.width}px;height:auto">${paths}</svg><figcaption>${esc(m.province.name)} · ${esc(m.week)} · <small>${esc(m.source)}</small></figcaption></figure>`
    : '';
  const districts = m.districts
    .map((d) => {
      const communes = m.communes.filter((c) => c.districtCode === d.code);
      if (communes.length === 0) return '';
      const items = communes
        .map((c) => {
          const level = c.announcedLevel ?? c.level;
          return `<li data-commune="${esc(c.code)}" data-level="${level}"><span class="risk-dot" style="background:${fillOf(level)}"></span> <a href="/risk-levels?unit=${esc(c.code)}&amp;week=${esc(m.week)}">${esc(c.name)}</a></li>`;
        })
        .join('');
      return `<section class="risk-district" data-district="${esc(d.code)}"><h2><span class="risk-dot" style="background:${fillOf(d.announcedLevel ?? d.level)}"></span> ${esc(d.name)}</h2><ul>${items}</ul></section>`;
    })
    .join('');
  return `<style>${styles}</style><p class="boot-bar">SafeAdapt</p><main class="page risk-map-page"><h1>${esc(`${t.map}: ${m.province.name}`)}</h1>${figure}<section class="risk-communes" aria-label="${esc(t.mapPage.communes)}">${districts}</section></main>`;
}

const UNIT = /^(VN|\d{2}|\d{3}|\d{5})$/;
const WEEK = /^\d{4}-W\d{2}$/;

/** GET /risk-levels/map painted by the server (server/first-paint.ts serves it). */
export const mapFirstPaint: FirstPaintPage = {
  path: '/risk-levels/map',
  permission: 'riskLevels.read',
  async render(ctx, query, lang) {
    if ((query.unit && !UNIT.test(query.unit)) || (query.week && !WEEK.test(query.week))) return null;
    const map = await levelMap(
      ctx.db,
      ctx.scope,
      query.unit || ctx.scope.unitCode,
      query.week || weekOf(ctx.today()),
    );
    return { html: mapHtml(map, lang), data: JSON.stringify(map) };
  },
};
