/**
 * The situation room painted by the server (issue 18: "loads fast on a slow link"): the same summary the page
 * asks for, drawn as plain HTML inside index.html (tiles, trend, map, units below) with the page's own styles
 * and texts, so a phone on slow 3G shows the numbers when the page arrives instead of after the app's scripts
 * (≈ 140 kB, 3 s on their own). The summary is inlined too: the app takes over with it, without asking again.
 * No script: links are plain links until the app has loaded.
 */
import fs from 'node:fs';
import { escapeHtml } from '../../core/text.ts';
import type { FirstPaintPage } from '../../server/feature-manifest.ts';
import { LEVEL_FILL } from '../risk-levels/index.ts';
import type { Tile } from './summary-store.ts';
import { type SituationSummary, situationSummaryBody } from './summary-store.ts';
import { situationRoomEn } from './web/messages.en.ts';
import { situationRoomVi } from './web/messages.vi.ts';

/** The page's own styles (the app loads the same file with the page's chunk) and the map's one rule. */
const styles = `${fs
  .readFileSync(new URL('./web/situation-room.css', import.meta.url), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')} .risk-map{margin:1rem 0}`;

const esc = escapeHtml;
const numbers = new Intl.NumberFormat('vi-VN');
const decimals = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const count = (n: number | null | undefined) => (n == null ? '—' : numbers.format(n));
const percent = (n: number | null | undefined) => (n == null ? '—' : `${decimals.format(n)}%`);
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));

type Texts = typeof situationRoomVi.situationRoom;

function tileHtml(t: Texts, tile: Tile) {
  const value = tile.unit === 'percent' ? percent(tile.value) : count(tile.value);
  const notes = [
    tile.of != null
      ? fill(t.of, { value: tile.unit === 'percent' ? percent(tile.of) : count(tile.of) })
      : null,
    tile.noData ? t.noBeds : null,
    tile.provisional ? `(${t.provisional})` : null,
  ]
    .filter((n): n is string => n !== null)
    .map((n) => `<span class="tile-note">${esc(n)}</span>`)
    .join('');
  const label = t.tiles[tile.key as keyof Texts['tiles']] ?? tile.key;
  return `<li><a class="situation-tile" href="${esc(tile.href)}" data-tile="${esc(tile.key)}"><span class="tile-value">${value}</span><span class="tile-label">${esc(label)}</span>${notes}</a></li>`;
}

function trendHtml(t: Texts, trend: SituationSummary['trend']) {
  const max = Math.max(1, ...trend.map((d) => d.newCases));
  const bars = trend
    .map((d, i) => {
      const h = (d.newCases / max) * 36;
      return `<rect x="${i * 10 + 1}" y="${38 - h}" width="8" height="${Math.max(h, 0.5)}"><title>${esc(fill(t.trendDay, { date: dmy(d.day), n: d.newCases }))}</title></rect>`;
    })
    .join('');
  return `<section><h2>${esc(t.trend)}</h2><svg class="situation-trend" viewBox="0 0 ${trend.length * 10} 40" role="img" aria-label="${esc(t.trend)}">${bars}</svg><p class="situation-axis"><span>${dmy(trend[0]?.day ?? '')}</span><span>${dmy(trend.at(-1)?.day ?? '')}</span></p></section>`;
}

function mapHtml(t: Texts, s: SituationSummary) {
  const m = s.map;
  if (!m?.districts.some((d) => d.path)) return '';
  const title = fill(t.map, { week: s.week });
  const paths = m.districts
    .filter((d) => d.path)
    .map((d) => {
      const level = d.announcedLevel ?? d.level;
      return `<path d="${esc(d.path ?? '')}" data-code="${esc(d.code)}" fill="${level ? LEVEL_FILL[level] : '#ccc'}" stroke="#fff" stroke-width="1"><title>${esc(d.name)}</title></path>`;
    })
    .join('');
  return `<section aria-label="${esc(title)}"><h2>${esc(title)}</h2><figure class="risk-map"><svg viewBox="0 0 ${m.width} ${m.height}" role="img" aria-label="${esc(m.province.name)}" style="width:100%;max-width:${m.width}px;height:auto">${paths}</svg><figcaption>${esc(m.province.name)} · ${esc(m.week)} · <small>${esc(m.source)}</small></figcaption></figure></section>`;
}

function belowHtml(t: Texts, s: SituationSummary) {
  if (s.below.length === 0) return '';
  const c = t.columns;
  const head = [c.unit, c.newCases, c.last7, c.treating, c.coverage, c.overdue, c.level]
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join('');
  const rows = s.below
    .map((u) => {
      const coverage = u.adults > 0 ? percent(Math.round((u.adultsPrimary * 1000) / u.adults) / 10) : '—';
      const level = u.riskLevel
        ? `<span class="situation-level" style="background:${LEVEL_FILL[u.riskLevel]};color:${u.riskLevel === 4 ? '#fff' : '#000'}">${u.riskLevel}</span>`
        : '—';
      return `<tr><th scope="row"><a href="/situation-room?unit=${esc(u.code)}">${esc(u.name)}</a></th><td>${count(u.newCases)}</td><td>${count(u.casesLast7Days)}</td><td>${count(u.underTreatmentHome + u.underTreatmentFacility)}</td><td>${coverage}</td><td>${count(u.overdueTasks)}</td><td>${level}</td></tr>`;
    })
    .join('');
  return `<section><h2>${esc(t.below)}</h2><div class="situation-table-wrap"><table class="situation-table"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

/** The summary as the page's HTML (pure: tested beside the HTTP test of the page). */
export function situationHtml(s: SituationSummary, lang: 'vi' | 'en', wall = false) {
  const t = (lang === 'en' ? situationRoomEn : situationRoomVi).situationRoom;
  return (
    `<style>${styles}</style><p class="boot-bar">SafeAdapt</p><main class="page"><div class="situation${wall ? ' situation-wall' : ''}">` +
    `<header class="situation-head"><h1>${esc(t.title)}: ${esc(s.unit.name)}</h1><p class="situation-meta">${esc(fill(t.day, { date: dmy(s.date) }))}</p></header>` +
    `<ul class="situation-tiles">${s.tiles.map((tile) => tileHtml(t, tile)).join('')}</ul>` +
    `<div class="situation-panels">${trendHtml(t, s.trend)}${mapHtml(t, s)}</div>${belowHtml(t, s)}</div></main>`
  );
}

const UNIT = /^(VN|\d{2}|\d{3}|\d{5})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** GET /situation-room painted by the server (server/first-paint.ts serves it). */
export const situationFirstPaint: FirstPaintPage = {
  path: '/situation-room',
  permission: 'situationRoom.read',
  async render(ctx, query, lang) {
    if ((query.unit && !UNIT.test(query.unit)) || (query.date && !DAY.test(query.date))) return null;
    const { body } = await situationSummaryBody(
      ctx.db,
      ctx.scope,
      query.unit || ctx.scope.unitCode,
      query.date || ctx.today(),
      ctx.today(),
    );
    return {
      html: situationHtml(JSON.parse(body) as SituationSummary, lang, query.wall === '1'),
      data: body,
    };
  },
};
