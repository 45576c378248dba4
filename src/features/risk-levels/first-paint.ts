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
import { PROVISIONAL_OUTLINE, shownLevel } from './rules/topology.ts';
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
const dot = (level: number | null) => `<span class="risk-dot" style="background:${fillOf(level)}"></span>`;

/** The map answer as the page's HTML (pure), in the markup of MapPage.tsx and LevelMap.tsx. */
export function mapHtml(m: MapAnswer, lang: 'vi' | 'en') {
  const t = (lang === 'en' ? riskLevelsEn : riskLevelsVi).riskLevels;
  const mark = (provisional: boolean) =>
    provisional ? ` <small class="risk-provisional">${esc(t.provisional)}</small>` : '';
  const areas = m.provinces.length ? m.provinces : m.districts;
  const paths = areas
    .filter((d) => d.path)
    .map((d) => {
      const { level, provisional } = shownLevel(d);
      const outline = provisional
        ? `stroke="${PROVISIONAL_OUTLINE.stroke}" stroke-width="${PROVISIONAL_OUTLINE.width}" stroke-dasharray="${PROVISIONAL_OUTLINE.dash}" data-provisional="true"`
        : 'stroke="#fff" stroke-width="1"';
      return `<path d="${esc(d.path!)}" data-code="${esc(d.code)}" fill="${fillOf(level)}" ${outline}><title>${esc(d.name)}${provisional ? ` (${esc(t.provisional)})` : ''}</title></path>`;
    })
    .join('');
  const figure = paths
    ? `<figure class="risk-map"><svg viewBox="0 0 ${m.width} ${m.height}" role="img" aria-label="${esc(`${t.map}: ${m.province.name}`)}" style="width:100%;max-width:${m.width}px;height:auto">${paths}</svg><figcaption>${esc(m.province.name)} · ${esc(m.week)} · <small>${esc(m.source)}</small></figcaption></figure>`
    : `<p role="note">${esc(t.mapPage.noShapes)}</p>`;
  const legend = `<ul class="risk-legend" aria-label="${esc(t.mapPage.legend)}">${[1, 2, 3, 4]
    .map((l) => `<li>${dot(l)} ${esc(t.levelNames[String(l) as '1'])}</li>`)
    .join(
      '',
    )}<li>${dot(null)} ${esc(t.mapPage.outside)}</li><li data-legend="provisional"><span class="risk-dot" style="background:#fff;border:1.5px dashed ${PROVISIONAL_OUTLINE.stroke}"></span> ${esc(t.mapPage.provisionalLegend)}</li></ul>`;
  const list = m.provinces.length
    ? `<section class="risk-communes" aria-label="${esc(t.mapPage.provinces)}"><section class="risk-district"><ul>${m.provinces
        .map((p) => {
          const { level, provisional } = shownLevel(p);
          return `<li data-province="${esc(p.code)}" data-level="${level ?? ''}">${dot(level)} <a href="/risk-levels/map?unit=${esc(p.code)}&amp;week=${esc(m.week)}">${esc(p.name)}</a>${mark(provisional)}</li>`;
        })
        .join('')}</ul></section></section>`
    : `<section class="risk-communes" aria-label="${esc(t.mapPage.communes)}">${m.districts
        .map((d) => {
          const communes = m.communes.filter((c) => c.districtCode === d.code);
          if (communes.length === 0) return '';
          const items = communes
            .map((c) => {
              const { level, provisional } = shownLevel(c);
              return `<li data-commune="${esc(c.code)}" data-level="${level}">${dot(level)} <a href="/risk-levels?unit=${esc(c.code)}&amp;week=${esc(m.week)}">${esc(c.name)}</a>${mark(provisional)}</li>`;
            })
            .join('');
          const shown = shownLevel(d);
          return `<section class="risk-district" data-district="${esc(d.code)}"><h2>${dot(shown.level)} ${esc(d.name)}${mark(shown.provisional)}</h2><ul>${items}</ul></section>`;
        })
        .join('')}</section>`;
  return `<style>${styles}</style><p class="boot-bar">SafeAdapt</p><main class="page risk-map-page"><h1>${esc(`${t.map}: ${m.province.name}`)}</h1>${figure}${legend}${list}</main>`;
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
